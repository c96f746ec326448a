package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.StateRepresentativesCompany;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code StateRepresentativesCompany} (ADR 0061 item 63, choice; abuse audit F556, was O402), signed by a ministry supervisor (the
 * officials who enrol representatives; the Cabinet member enrols none, ADR 0055): the company of a representative's grant stored naming none, on the company's power of representation, claimed as an
 * enrolment's order is (F503: an identity order of that company). The person's stream ({@link Person}) judges the grant.
 */
@Configuration
class StateRepresentativesCompanyType {

    @Bean
    SignedCommandType<StateRepresentativesCompany> stateRepresentativesCompany(CommandGateway commands, DocumentStore documents,
                                                                               DocumentClaims acrossKinds) {
        return SignedCommandType.of("StateRepresentativesCompany", StateRepresentativesCompany.class,
                Set.of(Role.MINISTRY_SUPERVISOR), (body, context) -> state(commands, documents, acrossKinds, body, context));
    }

    private static Object state(CommandGateway commands, DocumentStore documents, DocumentClaims acrossKinds, StateRepresentativesCompany body,
                                CommandContext context) {
        if (body == null || body.personId() == null) {
            throw RegistryProblem.invalid("identity.person-missing", "Name the representative whose grant's company is stated in 'personId'.",
                    "personId", EnrolSignerType.ARTICLE);
        }
        String company = statedCompanyIsARegistrationNumber(body.company());
        String document = body.documentSha256() == null ? "" : body.documentSha256().strip();
        if (!DocumentRef.isSha256Hex(document)) {
            throw RegistryProblem.invalid("identity.stated-order-missing", "A statement names the order's document, from the paper file: upload "
                    + "it and give its SHA-256 in 'documentSha256'.", "documentSha256", EnrolSignerType.ARTICLE);
        }
        documents.requireReceived(document, "documentSha256", EnrolSignerType.ARTICLE);
        // ADR 0061 item 44 (F503): the power of representation is that company's paper, claimed as an identity order naming the company
        EnrolSignerType.onAnIdentityOrder(acrossKinds, document, EnrolSignerType.concerning(body.personId(), null).ofCompany(company), context,
                () -> EnrolSignerType.toTheEnrolledPersonsStream(commands, body, body.personId(), context));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "StateRepresentativesCompany");
        answer.put("personId", body.personId().value());
        answer.put("company", company);
        answer.put("statedAt", context.receivedAt().toString());
        return answer;
    }

    /**
     * 002 art. 23.2, 25.1.1; 001 art. 23.1.1 (ADR 0061 item 63): the company stated is named by its state registration number, seven digits,
     * as an enrolment's ({@link EnrolSignerType#representativesCompany}): missing, {@code identity.representative-company-missing};
     * of another shape, {@code identity.company-number-malformed}.
     */
    static String statedCompanyIsARegistrationNumber(String company) {
        if (company == null || company.isBlank()) {
            throw RegistryProblem.invalid("identity.representative-company-missing", "A company's representative (role APPLICANT) is enrolled "
                    + "for a company: give its state registration number, seven digits, in 'company'.", "company",
                    EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
        String number = company.strip();
        if (!mn.registry.kernel.permit.Company.isStateRegistrationNumber(number)) {
            throw RegistryProblem.invalid("identity.company-number-malformed", "'company' is the represented company's state registration number: "
                    + "seven digits 0-9, with no space or other character.", "company", EnrolSignerType.COMPANY_ARTICLE);
        }
        return number;
    }
}
