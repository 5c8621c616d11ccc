package org.factspan.export.format;

/** Who made an annotation: an annotator, or for gold the provenance; both may be null. */
record Owner(String annotator, String provenance) {
}
