package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonInclude;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.privacy.PublishedText;

import java.time.LocalDate;
import java.util.List;

/** Signed command bodies about entities in a zone (003 art. 12). Governor commands name the registration, whose id carries the zone. */
public final class RegistrationCommands {

    private RegistrationCommands() {
    }

    /** 003 art. 12.1: a legal entity applies to the governor's office with its documents. */
    public record ApplyForZoneRegistration(ZoneId zoneId, LegalEntity entity, Activity activity, List<SubmittedZoneDocument> documents) {
    }

    /** 003 art. 12.2: the application meets the requirements; the entity is registered and gets its certificate. */
    public record RegisterEntity(RegistrationId registrationId) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /** 003 art. 12.2: the application does not meet the requirements; rejected with reasons. */
    public record RejectZoneRegistration(RegistrationId registrationId, List<String> reasons) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /**
     * 003 art. 12.5.1, 26.2: the investment agreement with the governor, the investment and whether it is foreign.
     *
     * @param documentSha256 the SHA-256 of the signed agreement, uploaded first ({@code POST /api/documents}; ADR 0035 item 7)
     */
    public record RecordInvestmentAgreement(RegistrationId registrationId, LocalDate signedOn, LocalDate endsOn, Money investment,
                                            boolean foreignInvested, @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /**
     * 003 art. 12.5.1, 23.1-23.2: the main production or service started on this day; the land fee's years of operation count from it.
     *
     * @param on             the day operations started, not the day of the record (ADR 0035 item 23)
     * @param documentSha256 the SHA-256 of the document the start rests on (the entity's notice, an inspection's report), uploaded
     *                       first ({@code POST /api/documents}; ADR 0035 items 7, 23)
     */
    public record RecordOperationsStarted(RegistrationId registrationId, LocalDate on,
                                          @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /**
     * 003 art. 12.5.2: operations were interrupted or stopped for the entity's own reasons from this day.
     *
     * @param on             the interruption's first day, not after the day the registry received its document (ADR 0035 item 46)
     * @param documentSha256 the SHA-256 of the document the interruption rests on (the governor's finding, the entity's notice), uploaded
     *                       first ({@code POST /api/documents}; ADR 0035 items 23, 46)
     */
    public record RecordOperationsInterrupted(RegistrationId registrationId, LocalDate on,
                                              @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /**
     * 003 art. 12.5.2: operations resumed on this day.
     *
     * @param on             the first day of operations again, not after the day the registry received its document (ADR 0035 item 56)
     * @param documentSha256 the SHA-256 of the document the resumption rests on (the entity's notice, the governor's finding), uploaded
     *                       first ({@code POST /api/documents}; ADR 0035 items 46, 56)
     */
    public record RecordOperationsResumed(RegistrationId registrationId, LocalDate on,
                                          @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /**
     * 003 art. 12.5.3: a court decided to dissolve the entity (and whether by bankruptcy, 26.2).
     *
     * @param documentSha256 the SHA-256 of the court's decision, uploaded first ({@code POST /api/documents}; ADR 0035 item 7)
     */
    public record RecordCourtDecision(RegistrationId registrationId, String reference, LocalDate decidedOn, boolean bankruptcy,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /**
     * 003 art. 12.5.3 (ADR 0035 items 68, 88; abuse audit F418, was O256): the zone's governor does not record here the court's dissolution
     * recorded in another zone (F417's duty), and says why (the decision under appeal, or about a successor the state register holds under
     * the number): the duty ends with its published reasons and the document they rest on.
     *
     * @param documentSha256 the SHA-256 of the document the reasons rest on, uploaded first ({@code POST /api/documents})
     */
    public record DeclineCourtDecisionRecording(RegistrationId registrationId, @PublishedText String reasons,
                                                @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }

    /** 003 art. 8.7.6, 12.5: the governor removes the entity from the register on a ground that has been raised. */
    public record DeregisterEntity(RegistrationId registrationId, DeregistrationGround ground, @PublishedText String reasons) implements ZoneCommand {
        @Override
        public ZoneId zoneId() {
            return registrationId.zoneId();
        }
    }
}
