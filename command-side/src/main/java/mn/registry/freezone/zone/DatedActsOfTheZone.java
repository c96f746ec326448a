package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.ZoneId;

import java.time.LocalDate;

/**
 * The dated acts accepted in a zone's other streams that a resolution's date recorded late could contradict (003 art. 6.1; ADR 0035
 * item 36): given to {@link FreeZone}'s handler of {@code RecordZoneResolutionDate} as a parameter (ADR 0026), read at the registry's time
 * of receipt. The zone's own reports it holds itself.
 */
public interface DatedActsOfTheZone {

    /** The earliest day of a Government decision that an exemption from the zone's land fee was recorded on (003 art. 23.4), or null. */
    LocalDate earliestExemptionDecision(ZoneId zone);

    /** The earliest day of a Government decision that the zone's basic value of land was recorded on (003 art. 22.3; ADR 0035 item 114), or null. */
    LocalDate earliestBaseValueDecision(ZoneId zone);

    /** The earliest signing day of an investment agreement recorded for an entity of the zone (003 art. 12.5.1), or null. */
    LocalDate earliestAgreement(ZoneId zone);
}
