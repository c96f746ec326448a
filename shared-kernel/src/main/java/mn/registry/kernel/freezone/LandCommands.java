package mn.registry.kernel.freezone;

import mn.registry.kernel.money.Money;
import mn.registry.kernel.privacy.PublishedText;

import java.time.LocalDate;
import java.util.List;

/** Signed command bodies about land in a zone (003 art. 22). */
public final class LandCommands {

    private LandCommands() {
    }

    /** 003 art. 22.4 */
    public enum AllocationMethod { TENDER, AUCTION }

    /**
     * 003 art. 22.2, 22.4: an entity registered in the zone applies for land use, signed by its representative (the person who
     * signed its registration application, 12.1): the parcel (its area from the polygon), the purpose, the period of possession
     * or use, and the route by which it seeks the right: project selection (tender) or auction.
     */
    public record ApplyForLandUse(ZoneId zoneId, RegistrationId applicant, @PublishedText String parcelName, GeoPolygon parcel,
                                  @PublishedText String purpose,
                                  LocalDate from, LocalDate until, AllocationMethod method) {
    }

    /** 003 art. 22.2: the governor refuses an application for land use, with reasons; it is then decided. */
    public record RefuseLandUse(ZoneId zoneId, LandApplicationId applicationId, List<String> reasons) implements ZoneCommand {
    }

    /**
     * 003 art. 22.2, 22.4: the governor's decision on an application for land use: parcel, its area (from the polygon), purpose,
     * period, to whom (the applicant), by tender or auction, and the nominal value whose payment issues the certificate (22.5).
     * The decision grants no more than was applied for: the parcel within the one applied for, the period within the one
     * applied for, the same purpose and route.
     */
    public record GrantLandRights(ZoneId zoneId, RegistrationId holder, @PublishedText String parcelName, GeoPolygon parcel,
                                  @PublishedText String purpose,
                                  LocalDate from, LocalDate until, AllocationMethod method, Money nominalValue, @PublishedText String decision,
                                  LandApplicationId applicationId)
            implements ZoneCommand {
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 item 130; abuse audit F541, was O364; store format 8): the zone's governor records the
     * result of the tender (project selection) or auction an application named as its route: the application it selected (the winner and the
     * route are the application's), the nominal value the one-time fee will equal, and the result's document (SHA-256, uploaded first).
     */
    public record RecordLandSelectionResult(ZoneId zoneId, LandApplicationId applicationId, Money nominalValue, String resultSha256)
            implements ZoneCommand {
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 item 146, <b>choice</b>; abuse audit F582, was O440; store format 9): the zone's governor
     * annuls the result of a tender or auction recorded in error (the wrong application, or the wrong value) before any land rights are
     * granted on it, with the reasons, published beside the result; the application then has no result until a new one is recorded.
     */
    public record AnnulLandSelectionResult(ZoneId zoneId, LandApplicationId applicationId, @PublishedText String reasons) implements ZoneCommand {
    }

    /**
     * 003 art. 23.3-23.4: the Government's exemption from (or discount of) the land fee, recorded by the Cabinet member: for one
     * entity's registration in the zone or for every entity of one activity in the zone (exactly one of the two), a percentage, a
     * period of whole years from {@code from}, and the Government decision (its reference, its date and the SHA-256 of the
     * document received by the registry).
     */
    public record GrantLandFeeExemption(ZoneId zoneId, RegistrationId holder, Activity activity, int percent, LocalDate from, int years,
                                        String decision, LocalDate decidedOn, String decisionSha256) {
    }

    /**
     * 003 art. 22.3 (the lead's reading, ADR 0035 item 108; abuse audit F529, was O347): the Government determines the basic value of land;
     * the Cabinet member records it per zone, in MNT per hectare, on the Government decision (its reference, its date and the SHA-256 of
     * the document received by the registry), as 23.4's exemptions are recorded. In force from the registry's receipt, never from a date
     * the signer claims.
     */
    public record RecordLandBaseValue(ZoneId zoneId, Money perHectare, @PublishedText String decision, LocalDate decidedOn,
                                      String decisionSha256) {
    }

    /**
     * 003 art. 22.3 (the lead's reading, ADR 0035 item 142, <b>choice</b>; abuse audit F574, was O409): a basic value of land recorded lower
     * than the one in force is in force only once a second Cabinet member, not the one who recorded it, confirms it, naming the zone and the
     * Government decision's reference it was recorded under; in force from the registry's receipt of this confirmation.
     */
    public record ConfirmLandBaseValue(ZoneId zoneId, @PublishedText String decision) {
    }

    /**
     * 003 art. 22.5: the one-time fee equal to the nominal value was paid; the certificate of land rights is issued. Since session 29
     * (ADR 0035 item 102; abuse audit F502, was O349) the payment is shown by the receipt's document ({@code receiptSha256}, uploaded first
     * and claimed for this licence's fee as the holder's report's is); {@code receipt} is the reference written on it.
     */
    public record RecordLandFeePaid(ZoneId zoneId, LandLicenceId licenceId, Money paid, String receipt,
                                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                    String receiptSha256,
                                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                    String otherReceiptReason) implements ZoneCommand {

        /**
         * The fee's record as signed before session 30, or on the holder's reported document: no reason for another document. Since session
         * 30 (ADR 0035 item 107; abuse audit F528, was O359) a record naming another document than the holder's report's states
         * {@code otherReceiptReason} (kept on the certificate's event, not published).
         */
        public RecordLandFeePaid(ZoneId zoneId, LandLicenceId licenceId, Money paid, String receipt, String receiptSha256) {
            this(zoneId, licenceId, paid, receipt, receiptSha256, null);
        }
    }

    /**
     * 003 art. 22.5, 22.7 (choice, ADR 0035 item 22): the holder's representative reports the one-time fee paid, by the receipt's
     * uploaded document, by the last day to pay: the rights then do not lapse while the governor records the fee (issues the certificate).
     */
    public record ReportLandFeePaid(ZoneId zoneId, LandLicenceId licenceId, Money paid, String receiptSha256) implements ZoneCommand {
    }

    /**
     * 003 art. 22.2 (the lead's reading, ADR 0035 item 86; abuse audit F416, was O244): the entity's representative withdraws its own application
     * for land while it is pending (neither granted, refused nor withdrawn); the governor then decides nothing on it.
     */
    public record WithdrawLandApplication(ZoneId zoneId, LandApplicationId applicationId) implements ZoneCommand {
    }
}
