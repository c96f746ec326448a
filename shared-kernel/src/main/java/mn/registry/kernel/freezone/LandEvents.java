package mn.registry.kernel.freezone;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events of a zone's land register (003 art. 22). */
public final class LandEvents {

    private LandEvents() {
    }

    /** 003 art. 22.2, 22.4: an entity registered in the zone applied for land use; pending until the governor decides once. */
    public record LandUseApplied(ZoneId zoneId, LandApplicationId applicationId, RegistrationId applicant, String parcelName, GeoPolygon parcel,
                                 BigDecimal areaHectares, String purpose, LocalDate from, LocalDate until, LandCommands.AllocationMethod method,
                                 Instant receivedAt, PersonId signedBy) {
    }

    /** 003 art. 22.2: the governor refused the application, with reasons. */
    public record LandUseRefused(ZoneId zoneId, LandApplicationId applicationId, RegistrationId applicant, List<String> reasons, String article,
                                 Instant refusedAt, PersonId refusedBy) {
    }

    /** 003 art. 22.2 (ADR 0035 item 86; F416, was O244): the entity's representative withdrew its pending application; nothing is decided on it. */
    public record LandApplicationWithdrawn(ZoneId zoneId, LandApplicationId applicationId, RegistrationId applicant, Instant withdrawnAt,
                                           PersonId withdrawnBy) {
    }

    /**
     * @param applicationId the application this decision grants (003 art. 22.2); null only in licences granted before
     *                      applications were recorded (issue 13)
     * @param feeDueBy      the last day to pay the one-time fee (003 art. 22.5, 22.7; choice, ADR 0035 item 20,
     *                      {@link FreeZoneTerms#landFeeDueBy}); unpaid after it, the rights lapse ({@link LandRightsLapsed}). Null in
     *                      licences granted before the rule, which have no such day
     */
    public record LandRightsGranted(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, String parcelName, GeoPolygon parcel,
                                    BigDecimal areaHectares, String purpose, LocalDate from, LocalDate until,
                                    LandCommands.AllocationMethod method, Money nominalValue, String decision, Instant grantedAt,
                                    PersonId grantedBy, LandApplicationId applicationId,
                                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) LocalDate feeDueBy) {

        /** A grant as stored before the fee had a last day. */
        public LandRightsGranted(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, String parcelName, GeoPolygon parcel,
                                 BigDecimal areaHectares, String purpose, LocalDate from, LocalDate until, LandCommands.AllocationMethod method,
                                 Money nominalValue, String decision, Instant grantedAt, PersonId grantedBy, LandApplicationId applicationId) {
            this(zoneId, licenceId, holder, parcelName, parcel, areaHectares, purpose, from, until, method, nominalValue, decision, grantedAt,
                    grantedBy, applicationId, null);
        }
    }

    /**
     * 003 art. 23.3-23.4: the Government exempted from the land fee, for the days {@code from} to {@code until}, one registration
     * ({@code holder}) or every entity of one activity in the zone ({@code activity}), by {@code percent}.
     */
    public record LandFeeExemptionGranted(ZoneId zoneId, int number, RegistrationId holder, Activity activity, int percent, LocalDate from,
                                          LocalDate until, String decision, LocalDate decidedOn, String decisionSha256, String article,
                                          Instant grantedAt, PersonId grantedBy) {
    }

    /**
     * 003 art. 22.5: issued once the one-time fee is paid. {@code receiptSha256} (store format 6; ADR 0035 item 102, F502): the receipt's
     * received document the payment is shown by; null on a certificate stored before session 29, read as "not recorded".
     */
    public record LandLicenceIssued(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, Money feePaid, String receipt,
                                    Instant issuedAt, PersonId issuedBy,
                                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String receiptSha256,
                                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String otherReceiptReason) {

        /**
         * A certificate on the holder's reported document, or with no report, or stored before session 30: no reason for another document.
         * {@code otherReceiptReason} (store format 7; ADR 0035 item 107, F528): the governor's reason for certifying on another document than
         * the one the holder reported its payment with; kept, not published.
         */
        public LandLicenceIssued(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, Money feePaid, String receipt, Instant issuedAt,
                                 PersonId issuedBy, String receiptSha256) {
            this(zoneId, licenceId, holder, feePaid, receipt, issuedAt, issuedBy, receiptSha256, null);
        }
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 108; F529, was O347; store format 7): the Government's basic value of land in the zone, MNT per hectare,
     * recorded by the Cabinet member on the decision's received document; in force from {@code recordedAt} (the registry's receipt) until
     * the next. Public (a Government decision).
     * <p>
     * {@code awaitsSecondSignature} (store format 8; ADR 0035 item 142, F574, was O409): {@code true} when the value is lower per hectare than
     * the one in force at the receipt: it is not in force until another Cabinet member confirms it ({@link LandBaseValueConfirmed}), from the
     * confirmation's receipt; absent (null) when it is in force from its record, as every value stored before session 31 is.
     */
    public record LandBaseValueRecorded(ZoneId zoneId, int number, Money perHectare, String decision, LocalDate decidedOn,
                                        String decisionSha256, String article, Instant recordedAt, PersonId recordedBy,
                                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                        Boolean awaitsSecondSignature) {

        /** A value in force from its record (equal or higher than the one in force, the zone's first, or stored before session 31). */
        public LandBaseValueRecorded(ZoneId zoneId, int number, Money perHectare, String decision, LocalDate decidedOn, String decisionSha256,
                                     String article, Instant recordedAt, PersonId recordedBy) {
            this(zoneId, number, perHectare, decision, decidedOn, decisionSha256, article, recordedAt, recordedBy, null);
        }

        /** Whether the value awaits a second Cabinet member's confirmation before it is in force (ADR 0035 item 142). */
        public boolean awaitsConfirmation() {
            return Boolean.TRUE.equals(awaitsSecondSignature);
        }
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 142, choice; F574, was O409; store format 8): a second Cabinet member, not the one who recorded it,
     * confirmed the lower basic value of land recorded as {@code number} (its value per hectare and decision's reference repeated, so that
     * the public record reads alone); the value is in force from {@code confirmedAt} (the registry's receipt) until the next. Public (as the
     * record it confirms).
     */
    public record LandBaseValueConfirmed(ZoneId zoneId, int number, Money perHectare, String decision, String article, Instant confirmedAt,
                                         PersonId confirmedBy) {
    }

    /**
     * 003 art. 22.4, 22.5 (ADR 0035 items 130-131; F541, was O364; store format 8): the result of the tender or auction an application named:
     * the application selected ({@code winner} its applicant, {@code method} its route, both copied from it), the nominal value the grant will
     * name and its one-time fee equal, the result's document. Public whole, as the grant is (a public selection's outcome); it names no natural
     * person but {@code recordedBy}, the governor.
     */
    public record LandSelectionResultRecorded(ZoneId zoneId, LandApplicationId applicationId, RegistrationId winner,
                                              LandCommands.AllocationMethod method, Money nominalValue, String resultSha256, Instant recordedAt,
                                              PersonId recordedBy) {
    }

    /**
     * 003 art. 22.4, 22.5 (ADR 0035 items 146-147, choice; F582, was O440; store format 9): the governor annulled the result of the tender or
     * auction recorded for {@code applicationId} before any land rights were granted on it, for {@code reasons} (screened as published text);
     * the result's winner, route, nominal value and document are repeated, so that the public record reads alone. The application has no
     * result from {@code annulledAt} (the registry's receipt) until a new one is recorded; the annulled result's document stays claimed by
     * it. Public whole, as the result it annuls; it names no natural person but {@code annulledBy}, the governor.
     */
    public record LandSelectionResultAnnulled(ZoneId zoneId, LandApplicationId applicationId, RegistrationId winner,
                                              LandCommands.AllocationMethod method, Money nominalValue, String resultSha256, String reasons,
                                              String article, Instant annulledAt, PersonId annulledBy) {
    }

    /**
     * 003 art. 22.5, 22.7 (choice, ADR 0035 item 22): the holder's representative reported the one-time fee paid by its last day, with
     * the receipt's document; the rights no longer lapse, and the governor records the fee.
     */
    public record LandFeePaymentReported(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, Money paid, String receiptSha256,
                                         Instant reportedAt, PersonId reportedBy) {
    }

    /**
     * 003 art. 22.5, 22.7 (choice, ADR 0035 item 20): the one-time fee was not paid by {@code feeDueBy}; the rights granted lapse and
     * the parcel is free for another decision. The registry's act at the deadline, signed by nobody.
     */
    public record LandRightsLapsed(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, LocalDate feeDueBy, String article,
                                   Instant lapsedAt) {
    }

    /** 003 art. 22.6: revoked because the holder was deregistered on 12.5.1 or 12.5.2. */
    public record LandRightsRevoked(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, DeregistrationGround ground,
                                    String article, Instant revokedAt) {
    }
}
