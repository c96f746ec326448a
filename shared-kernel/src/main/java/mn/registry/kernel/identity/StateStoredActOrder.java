package mn.registry.kernel.identity;

/**
 * The signed command's body (ADR 0061 item 31; abuse audit O225, O242): a ministry supervisor's, or the Cabinet member's, statement from
 * the paper file of the order a stored grant or end of {@code personId}'s role rested on, when the registry does not know it: the act at
 * {@code sequence} on the person's stream names no document, and its archived signed command cannot be read (item 23), or it is a
 * governor's appointment or dismissal stored before decisions were uploaded (item 27). The order is the document {@code documentSha256},
 * uploaded first. Recorded once per stored act; from then on the order counts as used.
 *
 * <p>With {@code zoneId} (ADR 0061 item 36; abuse audit F442, was O260) the act is a governor's appointment or dismissal recorded on the
 * zone alone before decisions were uploaded (the governor held the role from the registry's first start, so nothing was granted on their
 * stream): {@code sequence} is then its number on <b>the zone's stream</b>, and the statement is kept on the governor's stream.
 *
 * @param personId       whose stream
 * @param sequence       the stored act's number on the person's stream (the registry's log names it), or on the zone's with {@code zoneId}
 * @param documentSha256 the SHA-256 of the order's document, uploaded first
 * @param zoneId         the zone whose stream holds the act (a governor's appointment or dismissal recorded on the zone alone), else null
 * @param orderConcerns  the other persons the order concerns, stated by the signer when the statement is the order's first citation
 *                       (ADR 0061 item 55; abuse audit F521, was O352), as {@link EnrolSigner#orderConcerns()}: empty or null, the
 *                       person alone. Kept in the signed command and on the order's claim; a later citation for a person not stated is
 *                       refused, and this statement too on an order stated for other persons
 */
public record StateStoredActOrder(PersonId personId, Long sequence, String documentSha256, mn.registry.kernel.freezone.ZoneId zoneId,
                                  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) java.util.List<PersonId> orderConcerns) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public StateStoredActOrder {
    }

    /** A statement of an act on the person's own stream. */
    public StateStoredActOrder(PersonId personId, Long sequence, String documentSha256) {
        this(personId, sequence, documentSha256, null, null);
    }

    /** A statement on an order concerning the person alone (with {@code zoneId}, a governor's act recorded on the zone alone). */
    public StateStoredActOrder(PersonId personId, Long sequence, String documentSha256, mn.registry.kernel.freezone.ZoneId zoneId) {
        this(personId, sequence, documentSha256, zoneId, null);
    }
}
