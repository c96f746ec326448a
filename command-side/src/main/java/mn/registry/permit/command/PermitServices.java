package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.SubmittedDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What {@link PermitApplication} needs from outside to decide, given to its command handlers as a parameter (ADR 0026):
 * due dates counted with the calendar in force, the minimum insurance in force, the documents the registry received, and
 * the ids of a new application. The aggregate asks; it never reads a clock, a random source or a collection itself.
 */
interface PermitServices {

    /** The due date {@code n} working days from the moment of receipt, with the calendar in force. */
    Deadline due(Instant from, WorkingDays n);

    /** The due date {@code n} working days from a date (e.g. the day of a change), with the calendar in force. */
    Deadline due(LocalDate from, WorkingDays n);

    /**
     * 002 art. 26.1; domain-rules §2 (ADR 0046 item 126; abuse audit F486, was O310): the last day {@code n} working days after {@code dayZero}
     * on the calendar in force at this moment, read again from its stream (not the copy a node keeps for a few seconds after another node's
     * declaration), as the Free Zone's registrations read it (ADR 0035 item 94): what an escalation is judged against when the deadline
     * service fires it.
     */
    Deadline dueOnTheCalendarInForceNow(LocalDate dayZero, WorkingDays n);

    /**
     * domain-rules §2 (ADR 0046 item 133; abuse audit F477, was O334): the version of the calendar in force as this node holds it, with no
     * read of the store beyond what every due date counted at receipt reads: a duty counted on another state is counted again at the act that
     * does it, so that the common path (the calendar unchanged since the count) reads nothing new.
     */
    CalendarVersion calendarVersionInForce();

    /** The minimum insurance the ministry set last (002 art. 26.5), or null if none yet. */
    Money minimumInsuranceInForce(java.time.Instant at);

    /** The document the registry received under this SHA-256, as a reference of the stated kind; empty if none was received. */
    Optional<DocumentRef> received(SubmittedDocument document);

    /**
     * The documents an application names and has claimed, read together (ADR 0057 item 11, session 28: an application's papers are its
     * company's own, so they are seldom known to the node already), kept by its claims (ADR 0072, session 29: not marked cited): answers
     * each as {@link #received} would, asking {@link #received} for one not read; by default {@link #received} itself.
     */
    default java.util.function.Function<SubmittedDocument, Optional<DocumentRef>> readTogether(java.util.List<SubmittedDocument> documents) {
        return this::received;
    }

    /**
     * Whether the registry received a document under this SHA-256 (uploaded to {@code POST /api/documents} and kept); a document found
     * is marked cited, so it is kept for as long as the act that names it (ADR 0046 item 13).
     */
    boolean documentReceived(String sha256);

    /**
     * When the registry received the document under this SHA-256 (the first receipt of its bytes, by the registry's clock, never a date
     * its uploader gives); empty if it received none. A document found is marked cited, as {@link #documentReceived} marks it.
     */
    Optional<Instant> documentReceivedAt(String sha256);

    /**
     * Whether the permit under {@code id} is issued and in force at {@code receivedAt} (the receipt of the act that asks): active, and
     * the receipt's day (Ulaanbaatar) not after its term's last day, whether or not its expiry deadline fired (002 art. 29.2, 29.4;
     * abuse audit F195), read from its events.
     */
    boolean permitInForce(ApplicationId id, java.time.Instant receivedAt);

    /**
     * The state registration number of the company that holds the permit under {@code id} now (002 art. 29.4; ADR 0046 item 136), read
     * from its events; empty if no such permit is stored.
     */
    Optional<String> holderOf(ApplicationId id);

    /**
     * The company under this state registration number as the permit register has it on record (ADR 0046 item 102): since the first stored
     * act naming it, and whether a reorganisation ended it; every act stored before the question counted. Empty if no stored act names it.
     */
    Optional<CompanyOnRecord> companyOnRecord(String registrationNumber);

    /**
     * How the company under this state registration number ceased by a reorganisation (002 art. 23.3; ADR 0046 items 108-109), if one
     * ended it: every transfer stored before the question counted, answered without a round trip in the common case ({@link CeasedCompanies}).
     */
    Optional<CompanyCeased> companyCeased(String registrationNumber);

    /**
     * The revocation because it was liquidated (002 art. 29.1.2; ADR 0046 item 166, F577) that holds the company under this state
     * registration number ceased, no complaint upheld against it (29.6): every revocation and decision stored before the question counted,
     * answered as {@link #companyCeased} is ({@link CeasedCompanies}). Empty if none.
     */
    Optional<CompanyLiquidated> companyLiquidated(String registrationNumber);

    /**
     * 002 art. 23.3 (ADR 0046 item 142; abuse audit F496, was O345): the grants of {@code APPLICANT} (a company's representative) the
     * person holds at {@code at}, the registry's receipt, read from the person's stream; empty if none (or no such person).
     */
    java.util.List<mn.registry.kernel.identity.RoleGranted> representativeGrantsAt(mn.registry.kernel.identity.PersonId person, Instant at);

    /** The id of the application a signed command creates. */
    ApplicationId applicationId(CommandContext context);

    /** The next receipt number of the year of receipt (local year in Ulaanbaatar). */
    ReceiptNumber nextReceiptNumber(int year);
}
