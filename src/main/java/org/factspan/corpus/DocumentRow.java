package org.factspan.corpus;

/** A document without its body, as the listing query reads it. */
record DocumentRow(Long id, String name, String title, int lengthCp, String sha256, String meta, String published,
        String publishedExpression, String publishedSource, String timeZone) {

    PublicationTime publication() {
        return new PublicationTime(published, publishedExpression, publishedSource, timeZone);
    }
}
