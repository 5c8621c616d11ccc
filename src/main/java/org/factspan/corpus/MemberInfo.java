package org.factspan.corpus;

/** A member of a project with their role there. */
public record MemberInfo(String username, String displayName, ProjectRole role, boolean enabled) {
}
