package org.factspan.corpus;

import java.util.Map;

/** An opened document: its exact text and metadata. */
public record DocumentContent(long id, long projectId, String projectSlug, String name, String title, String text,
        int length, Map<String, String> meta) {
}
