package org.factspan.claims;

/**
 * A number found in a claim's text.
 *
 * @param phrase    the words it was read from, with its qualifier ("more than 1,000")
 * @param start     code point offset of the phrase in the text it was extracted from
 * @param end       end of the phrase, exclusive
 * @param value     what the phrase allows the number to be
 * @param qualifier the qualifier as written ("more than", "nearly", ...), or null
 * @param counted   the thing counted where it could be found ("people", "security officers"), or null
 * @param event     what happened to them, normalised ({@code killed}, {@code wounded}, {@code hospitalised},
 *                  {@code intensive care}, {@code detained}), or null
 * @param partial   a part of a larger count ("including two"): never compared with whole counts
 */
public record Quantity(String phrase, int start, int end, Interval value, String qualifier, String counted, String event,
        boolean partial) {

    /** What this number counts, for comparing numbers of different texts: the event, else the counted head noun. */
    public String key() {
        if (event != null) {
            return event;
        }
        if (counted == null) {
            return null;
        }
        String[] words = counted.split(" ");
        return words[words.length - 1];
    }
}
