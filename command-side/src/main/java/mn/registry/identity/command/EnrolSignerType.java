package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.signing.SignedCommandVerifier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code EnrolSigner} (ADR 0055), signed by a ministry supervisor or the Cabinet member: the person's certificate signs for them
 * from the registry's receipt on, with the role named. What the certificate and the document are is checked here, before the
 * person's stream is touched (001 art. 23.1.1, judged at the registry's time of receipt, whatever time the signer claims); who may
 * enrol whom is the person's stream's ({@link Person}).
 */
@Configuration
class EnrolSignerType {

    static final String ARTICLE = "001 art. 23.1.1";
    /** Roles the registry grants by another act, never by an enrolment: a governor is appointed (003 art. 8.2), and the Cabinet member and the registry are not the ministry's to make. */
    static final Set<Role> NOT_ENROLLED = Set.of(Role.ZONE_GOVERNOR, Role.CABINET_MEMBER, Role.REGISTRY);

    @Bean
    SignedCommandType<EnrolSigner> enrolSigner(CommandGateway commands, DocumentStore documents, SignedCommandVerifier verifier,
                                               DocumentClaims acrossKinds) {
        return SignedCommandType.of("EnrolSigner", EnrolSigner.class, Set.of(Role.MINISTRY_SUPERVISOR, Role.CABINET_MEMBER),
                (body, context) -> enrol(commands, documents, verifier, acrossKinds, body, context));
    }

    @Bean
    SignedCommandType<mn.registry.kernel.identity.EndSignerRole> endSignerRole(CommandGateway commands, DocumentStore documents,
                                                                                DocumentClaims acrossKinds) {
        return SignedCommandType.of("EndSignerRole", mn.registry.kernel.identity.EndSignerRole.class, Set.of(Role.MINISTRY_SUPERVISOR, Role.CABINET_MEMBER),
                (body, context) -> endRole(commands, documents, acrossKinds, body, context));
    }

    // ADR 0055: a role granted by an enrolment ends by the same officials' act, on a document, from the receipt on
    private static Object endRole(CommandGateway commands, DocumentStore documents, DocumentClaims acrossKinds,
                                  mn.registry.kernel.identity.EndSignerRole body, CommandContext context) {
        if (body == null || body.personId() == null) {
            throw RegistryProblem.invalid("identity.person-missing", "Name the person whose role ends in 'personId'.", "personId", ARTICLE);
        }
        if (body.role() == null || NOT_ENROLLED.contains(body.role())) {
            throw RegistryProblem.invalid("identity.role-not-ended-here", "Name a role granted by an enrolment in 'role'; a governor is dismissed by "
                    + "the Cabinet member (DismissGovernor, 003 art. 8.2).", "role", "003 art. 8.2");
        }
        String document = restsOnAReceivedDocument(documents, body.documentSha256());
        onAnIdentityOrder(acrossKinds, document, concerning(body.personId(), body.orderConcerns()), context,
                () -> toTheEnrolledPersonsStream(commands, body, body.personId(), context));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "EndSignerRole");
        answer.put("personId", body.personId().value());
        answer.put("role", body.role().name());
        answer.put("validUntil", context.receivedAt().toString());
        return answer;
    }

    /** Sends the signed body, as signed (ADR 0026), to the stream of a person who must be enrolled already; an unknown person is a 404. */
    static void toTheEnrolledPersonsStream(CommandGateway commands, Object body, mn.registry.kernel.identity.PersonId person, CommandContext context) {
        try {
            commands.sendAndWait(SignedCommandContext.message(body, context));
        } catch (org.axonframework.modelling.command.AggregateNotFoundException unknown) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "identity.person-unknown", "No person " + person
                    + " is enrolled with the registry.", "personId", null);
        }
    }

    // 001 art. 23.1.1 (ADR 0055): an enrolment, or the end of a role, rests on a document the registry received and keeps
    private static String restsOnAReceivedDocument(DocumentStore documents, String documentSha256) {
        String document = documentSha256 == null ? "" : documentSha256.strip();
        if (!DocumentRef.isSha256Hex(document)) {
            throw RegistryProblem.invalid("identity.enrolment-without-document", "An enrolment, or the end of a role, rests on a document (the "
                    + "appointment or dismissal order, the power of representation or its end, the report of a lost key): upload it and give its "
                    + "SHA-256 in 'documentSha256'.", "documentSha256", ARTICLE);
        }
        documents.requireReceived(document, "documentSha256", ARTICLE);
        return document;
    }

    /**
     * 001 art. 23.1.1 (choice, ADR 0057; abuse audit O110): the document an identity act rests on is claimed registry-wide as an identity
     * order ({@link DocumentKind#IDENTITY_ORDER}): one Government order may appoint or dismiss several officials, so identity acts share
     * it, but a permit's or a Free Zone act's document (another company's letter, a tax authority's request) is refused, and the reverse.
     * Claimed before the person's stream acts, released when it refuses.
     */
    static void onAnIdentityOrder(DocumentClaims acrossKinds, String document, Claimant claimant, CommandContext context, Runnable act) {
        acrossKinds.claimedFor(document, DocumentKind.IDENTITY_ORDER, claimant, context, "documentSha256", ARTICLE, () -> {
            act.run();
            return null;
        });
    }

    /**
     * 001 art. 23.1.1 (choice, the lead's reading, ADR 0061 item 45; abuse audit F504, was O314): the persons an identity act states its
     * order concerns: the act's own person and the others the signer names ({@code orderConcerns}), as the order's claim keeps them at its
     * first citation ({@link DocumentClaims}: a later citation for a person not stated is refused).
     */
    static Claimant concerning(PersonId person, List<PersonId> others) {
        java.util.TreeSet<String> persons = new java.util.TreeSet<>();
        persons.add(person.value());
        if (others != null) {
            others.stream().filter(java.util.Objects::nonNull).map(PersonId::value).forEach(persons::add);
        }
        return Claimant.NONE.concerning(List.copyOf(persons));
    }

    private static Object enrol(CommandGateway commands, DocumentStore documents, SignedCommandVerifier verifier, DocumentClaims acrossKinds,
                                EnrolSigner body, CommandContext context) {
        if (body == null || body.personId() == null) {
            throw RegistryProblem.invalid("identity.person-missing", "Name the person to enrol in 'personId'.", "personId", ARTICLE);
        }
        if (body.role() != null && NOT_ENROLLED.contains(body.role())) {
            throw RegistryProblem.invalid("identity.role-not-enrolled", "The role " + body.role() + " is not granted by an enrolment: a "
                    + "governor is appointed by the Cabinet member (AppointGovernor, 003 art. 8.2); enrol the person's certificate with no role "
                    + "first.", "role", "003 art. 8.2");
        }
        personIdHoldsNoPersonalDetails(body.personId());
        X509Certificate certificate = certificateInForceAtReceipt(verifier, body.certificatePem(), context);
        certificateNamesThePerson(certificate, body.personId());
        String company = representativesCompany(body);
        String document = restsOnAReceivedDocument(documents, body.documentSha256());
        // as signed (ADR 0026); the stream reads the same certificate. ADR 0061 item 44 (F503): the order's claim names the company
        onAnIdentityOrder(acrossKinds, document, concerning(body.personId(), body.orderConcerns()).ofCompany(company), context,
                () -> commands.sendAndWait(SignedCommandContext.message(body, context)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "EnrolSigner");
        answer.put("personId", body.personId().value());
        answer.put("certificateSha256", Certificates.fingerprint(certificate));
        answer.put("validFrom", context.receivedAt().toString());
        if (body.role() != null) {
            answer.put("role", body.role().name());
        }
        return answer;
    }

    /**
     * 001 art. 23.1.1, 002 art. 20.3.3 (choice, the lead's reading, ADR 0061 item 44; abuse audit F503, was O291): the enrolment of a company's
     * representative ({@link Role#APPLICANT}) names the company's state registration number, seven digits as a permit application's
     * (002 art. 25.1.1, {@link mn.registry.kernel.permit.Company#isStateRegistrationNumber}); the enrolment's document (the company's
     * decision naming its director, its power of representation) is then that company's paper, its claim names the company, and another
     * company's report of a change citing it is refused ({@code document.claimed-by-another-company.identity-order}). An official acts for
     * the state and represents no company: a company named with another role, or with none, is refused, as a number of another shape.
     * Since session 30 a representative's enrolment naming none is refused ({@link #representativeNamesTheirCompany}, ADR 0061 item 53).
     * Answers the company, or null where none is named (an official's enrolment, a certificate alone).
     */
    static String representativesCompany(EnrolSigner body) {
        representativeNamesTheirCompany(body);
        if (body.company() == null || body.company().isBlank()) {
            return null;
        }
        if (body.role() != Role.APPLICANT) {
            throw RegistryProblem.invalid("identity.company-of-a-representative-only", "Only the enrolment of a company's representative (role "
                    + "APPLICANT) names a company; an official acts for the state. Leave 'company' empty.", "company", COMPANY_ARTICLE);
        }
        String number = body.company().strip();
        if (!mn.registry.kernel.permit.Company.isStateRegistrationNumber(number)) {
            throw RegistryProblem.invalid("identity.company-number-malformed", "'company' is the represented company's state registration number: "
                    + "seven digits 0-9, with no space or other character.", "company", COMPANY_ARTICLE);
        }
        return number;
    }

    /**
     * 001 art. 23.1.1; 002 art. 23.2 (choice, the lead's reading, ADR 0061 item 53; abuse audit F520, was O350): a company's representative
     * signs for the company established under Mongolian law that applies (002 art. 23.2), and the registry grants the role on the order
     * that makes them its representative (001 art. 23.1.1): a new enrolment with the role {@link Role#APPLICANT} names that company
     * ({@code company}), or is refused (400 {@code identity.representative-company-missing}) before anything is claimed or stored. A grant
     * stored before, naming none, keeps today's behaviour (ADR 0061 item 49); a certificate alone (no role) names none.
     */
    static void representativeNamesTheirCompany(EnrolSigner body) {
        if (body.role() == Role.APPLICANT && (body.company() == null || body.company().isBlank())) {
            throw RegistryProblem.invalid("identity.representative-company-missing", "A company's representative (role APPLICANT) is enrolled "
                    + "for a company: give its state registration number, seven digits, in 'company'.", "company", REPRESENTATIVE_ARTICLE);
        }
    }

    /** The articles of a representative's enrolment naming its company (ADR 0061 item 53). */
    static final String REPRESENTATIVE_ARTICLE = "001 art. 23.1.1; 002 art. 23.2";

    /** The articles of the representative's company (ADR 0061 item 44): whose paper the enrolment's document is, and whose change it shows. */
    static final String COMPANY_ARTICLE = "001 art. 23.1.1; 002 art. 20.3.3";

    // 002 art. 15.3, 30.1 (domain-rules §5; choice, ADR 0015 item 4; abuse audit F289): a person id is published for good once its holder
    // acts for the state (an official's RoleGranted, every record's actingOfficial, the register's addresses), and a CA may put a civil
    // registration number or a phone into the certificate's UID; both are eight digits, so an id holding eight in a row is not enrolled
    static void personIdHoldsNoPersonalDetails(PersonId person) {
        if (mn.registry.identity.api.PublishedIdentityDetails.personIdHoldsPersonalDetails(person)) {
            throw RegistryProblem.invalid("privacy.personal-details-in-person-id", "A person id is published with every act its holder signs "
                    + "for the state and cannot be taken back; '" + person.value().replaceAll("[0-9]", "#") + "' holds eight digits in a row, "
                    + "as a civil registration number or a phone does. Enrol a certificate whose subject's UID does not.", "personId",
                    "002 art. 15.3, 30.1 (domain-rules §5)");
        }
    }

    // 001 art. 23.1.1: a certificate a CA the registry trusts issued for signing, in force when the registry receives the enrolment
    private static X509Certificate certificateInForceAtReceipt(SignedCommandVerifier verifier, String pem, CommandContext context) {
        List<X509Certificate> chain;
        try {
            chain = pem == null ? List.of() : Certificates.fromPem(pem);
        } catch (RuntimeException e) {
            chain = List.of();
        }
        if (chain.isEmpty()) {
            throw RegistryProblem.invalid("identity.certificate-invalid", "'certificatePem' is the person's X.509 certificate in PEM "
                    + "(-----BEGIN CERTIFICATE-----).", "certificatePem", ARTICLE);
        }
        try {
            verifier.checkCertificateAt(chain, context.receivedAt());
        } catch (RegistryProblem problem) {
            throw new RegistryProblem(RegistryProblem.Kind.INVALID, problem.code(), "The certificate to enrol, at the registry's receipt ("
                    + context.receivedAt() + "): " + problem.getMessage(), "certificatePem", ARTICLE);
        }
        return chain.get(0);
    }

    // 001 art. 23.1.1, 002 art. 16.2 (choice, ADR 0055): the CA checked whose certificate it is; its subject's UID is the person enrolled,
    // so an official cannot enrol their own key as another person, a second identity that signs as someone else
    private static void certificateNamesThePerson(X509Certificate certificate, PersonId person) {
        Optional<PersonId> named = Certificates.personId(certificate);
        if (named.isEmpty() || !named.get().equals(person)) {
            throw RegistryProblem.invalid("identity.certificate-of-another-person", "The certificate was issued to "
                    + named.map(PersonId::value).orElse("no person id") + " (its subject's UID), not to " + person.value() + ".",
                    "certificatePem", ARTICLE);
        }
    }
}
