package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.document.DocumentStore;
import mn.registry.document.StoredDocument;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.PermitRegistrationReceipt;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * The signed {@code ApplyForPermit} command (002 art. 23.2, 25.1, 26.1, 26.2.1): checks the intake
 * rules and the documents, computes the decision due date with the calendar in force, takes the ids,
 * registers the application and answers with the registration receipt. A refusal stores nothing and
 * takes no receipt number.
 */
@Component
public class ApplyForPermitType implements SignedCommandType<ApplyForPermit> {

    private final DocumentStore documents;
    private final CurrentCalendar calendar;
    private final PermitApplicationIds ids;
    private final CommandGateway commandGateway;

    public ApplyForPermitType(DocumentStore documents, CurrentCalendar calendar, PermitApplicationIds ids, CommandGateway commandGateway) {
        this.documents = documents;
        this.calendar = calendar;
        this.ids = ids;
        this.commandGateway = commandGateway;
    }

    @Override
    public String type() {
        return "ApplyForPermit";
    }

    @Override
    public Class<ApplyForPermit> bodyType() {
        return ApplyForPermit.class;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.APPLICANT);
    }

    @Override
    public PermitRegistrationReceipt handle(ApplyForPermit body, CommandContext context) {
        PermitIntakePolicy.check(body);
        List<DocumentRef> received = body.documents().stream().map(this::received).toList();
        Deadline due = calendar.get().deadline(context.receivedAt(), PermitDeadlines.DECISION);
        ApplicationId applicationId = ids.applicationId(context);
        ReceiptNumber receiptNumber = ids.nextReceiptNumber(due.receivedOn().getYear());
        try {
            commandGateway.sendAndWait(new RegisterPermitApplication(applicationId, receiptNumber, body.company(),
                    body.holdsOtherPermit(), received, context.receivedAt(), due.due(), due.dueAt().toInstant(),
                    PermitDeadlines.DECISION, due.calendarVersion(), context.actor(), context.jwsSha256()));
        } catch (AggregateStreamCreationException e) {
            throw RegistryProblem.conflict("permit.already-registered", "This signed command (" + context.commandId()
                    + ") already registered application " + applicationId + "; it is not registered twice.", "002 art. 26.2.1");
        }
        return new PermitRegistrationReceipt(applicationId, receiptNumber, context.receivedAt(), due.due(), due.dueAt(), due.calendarVersion());
    }

    // 001 art. 38.1: a document is registered only as the original bytes the registry received and keeps
    private DocumentRef received(SubmittedDocument submitted) {
        StoredDocument stored = documents.find(submitted.sha256()).orElseThrow(() -> RegistryProblem.invalid("document.unknown",
                "No document with this SHA-256 was received; upload it to POST /api/documents first.",
                "documents." + submitted.kind(), submitted.kind().article()));
        return stored.as(submitted.kind());
    }
}
