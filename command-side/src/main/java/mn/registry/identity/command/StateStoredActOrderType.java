package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.StateStoredActOrder;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code StateStoredActOrder} (ADR 0061 item 31; abuse audit F420, was O225; F422, was O242), signed by a ministry supervisor or the
 * Cabinet member: the order a stored grant or end rested on, from the paper file, when the registry does not know it. The order's document
 * is one the registry received, claimed as an identity order as the act's own was (ADR 0057: one order may name several officials), and
 * released when the person's stream refuses the statement ({@link StoredActStatements} judges which act, by whom).
 */
@Configuration
class StateStoredActOrderType {

    @Bean
    SignedCommandType<StateStoredActOrder> stateStoredActOrder(CommandGateway commands, DocumentStore documents, DocumentClaims acrossKinds) {
        return SignedCommandType.of("StateStoredActOrder", StateStoredActOrder.class, Set.of(Role.MINISTRY_SUPERVISOR, Role.CABINET_MEMBER),
                (body, context) -> state(commands, documents, acrossKinds, body, context));
    }

    private static Object state(CommandGateway commands, DocumentStore documents, DocumentClaims acrossKinds, StateStoredActOrder body,
                                CommandContext context) {
        if (body == null || body.personId() == null) {
            throw RegistryProblem.invalid("identity.person-missing", "Name the person whose stored act's order is stated in 'personId'.",
                    "personId", EnrolSignerType.ARTICLE);
        }
        if (body.sequence() == null || body.sequence() < 0) {
            throw RegistryProblem.invalid("identity.stated-act-unknown", "Give the stored act's number on the person's stream in 'sequence'.",
                    "sequence", EnrolSignerType.ARTICLE);
        }
        String document = body.documentSha256() == null ? "" : body.documentSha256().strip();
        if (!DocumentRef.isSha256Hex(document)) {
            throw RegistryProblem.invalid("identity.stated-order-missing", "A statement names the order's document, from the paper file: upload "
                    + "it and give its SHA-256 in 'documentSha256'.", "documentSha256", EnrolSignerType.ARTICLE);
        }
        documents.requireReceived(document, "documentSha256", EnrolSignerType.ARTICLE);
        // ADR 0061 item 55 (F521, was O352): the statement states the persons its order concerns, and is judged by them as the other
        // identity acts (DocumentClaims.orderConcernsThePersonsOfTheAct): stated at the order's first citation, refused on an order stated
        // for other persons
        EnrolSignerType.onAnIdentityOrder(acrossKinds, document, statedPersons(body), context,
                () -> EnrolSignerType.toTheEnrolledPersonsStream(commands, body, body.personId(), context));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "StateStoredActOrder");
        answer.put("personId", body.personId().value());
        answer.put("sequence", body.sequence());
        if (body.zoneId() != null) {
            answer.put("zoneId", body.zoneId().value());
        }
        answer.put("statedAt", context.receivedAt().toString());
        return answer;
    }

    /**
     * 001 art. 23.1.1 (choice, the lead's reading, ADR 0061 item 55; abuse audit F521, was O352): a statement of a stored act's order
     * concerns the person whose act it is and the others the signer names ({@code orderConcerns}), as an enrolment, the end of a role or a
     * revocation does (item 45): the order's claim keeps them at its first citation, and a statement on an order stated, at its first
     * citation, for other persons is refused ({@code identity.order-concerns-other-persons}). Who may state it is unchanged (item 31).
     */
    static mn.registry.command.claim.Claimant statedPersons(StateStoredActOrder body) {
        return EnrolSignerType.concerning(body.personId(), body.orderConcerns());
    }
}
