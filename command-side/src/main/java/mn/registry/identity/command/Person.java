package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.problem.VisibleText;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An enrolled person: their certificate and the roles granted to them (domain-rules §1). */
@Aggregate(commandTargetResolver = "personTarget")
class Person {

    @AggregateIdentifier
    private String stream;
    private final Set<String> activeGrants = new HashSet<>();
    private boolean erased;
    static final int MAX_GROUND = 500;
    /**
     * The ground of a role granted by an enrolment (ADR 0055). An official's role is published whole ({@code PublicRecords}); the
     * document it rests on is named in the staff-only {@code PersonEnrolled} and in the archived signed command, not here.
     */
    static final String ENROLMENT_GROUND = "enrolment (EnrolSigner, 001 art. 23.1.1)";
    /** The ground of a role ended by {@code EndSignerRole} (ADR 0055), published whole as the grant's is. */
    static final String ROLE_END_GROUND = "end of the role (EndSignerRole, 001 art. 23.1.1)";
    /** The ground of the revocation of a certificate a new one replaced (abuse audit F146), never published. */
    static final String REPLACED_GROUND = "replaced by the certificate enrolled (EnrolSigner, 001 art. 23.1.1)";
    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    /** Fingerprints (lower-case hex) of the certificates enrolled on this stream, and of those revoked. */
    private final Set<String> enrolledCertificates = new HashSet<>();
    private final Set<String> revokedCertificates = new HashSet<>();
    /** The documents (SHA-256, lower-case) the person's enrolments rested on: the appointment order, the power of representation (F184). */
    private final Set<String> enrolmentDocuments = new HashSet<>();
    /** Every document this stream's identity acts rested on: enrolments, grants and ends (ADR 0061 items 18, 21). */
    private final Set<String> citedDocuments = new HashSet<>();
    /** For each role ended on this stream, the documents cited up to its latest end (F344). */
    private final java.util.Map<String, Set<String>> ordersUsedBeforeTheEnd = new java.util.HashMap<>();
    /** For each role, the documents its grants and its ends rested on (ADR 0061 item 21; grants and ends stored before name none). */
    private final java.util.Map<String, Set<String>> grantOrders = new java.util.HashMap<>();
    private final java.util.Map<String, Set<String>> endOrders = new java.util.HashMap<>();
    /**
     * ADR 0061 item 23 (F383, was O202): the grants and the ends stored before item 21 that name no order, by their sequence on the stream
     * (each the role's key); their orders are read from the archive ({@link OrdersOfStoredActs}), only when such an act is on the stream.
     */
    private final java.util.Map<Long, String> grantsNamingNoOrder = new java.util.HashMap<>();
    private final java.util.Map<Long, String> endsNamingNoOrder = new java.util.HashMap<>();
    /** The documents the revocations of this stream's certificates rested on (F386). */
    private final Set<String> revocationDocuments = new HashSet<>();
    /** For each certificate enrolled, the documents revocations rested on before its enrolment (F386: none of them reports its loss). */
    private final java.util.Map<String, Set<String>> revocationDocumentsBeforeEnrolment = new java.util.HashMap<>();
    /** The sequence of each role's latest end (ADR 0061 item 23: the orders read from the archive cited up to it). */
    private final java.util.Map<String, Long> latestEnd = new java.util.HashMap<>();
    /**
     * ADR 0061 item 31 (O225, O242): the grants and ends of this stream that name no document and that someone signed (an official's act,
     * a governor's appointment or dismissal), by sequence: the acts whose order a statement may give (once: {@link #statedActs}).
     */
    private final java.util.Map<Long, StoredActStatements.StoredAct> actsNamingNoDocument = new java.util.HashMap<>();
    /** ADR 0061 item 31: the sequences of the acts whose order was stated (once each). */
    private final Set<Long> statedActs = new HashSet<>();
    /** ADR 0061 item 60 (O351 in part): the order stated for each of those acts, shown on the staff's list of the person's stored acts. */
    private final java.util.Map<Long, String> statedOrders = new java.util.HashMap<>();
    /** ADR 0061 item 36 (F442, was O260): by zone's stream, the numbers there of the appointments and dismissals whose decision was stated. */
    private final java.util.Map<String, Set<Long>> statedOnTheZonesStreams = new java.util.HashMap<>();
    /**
     * ADR 0061 item 63 (F556, was O402): the company the grant of the applicant's role in force names, as granted or as stated since
     * ({@code RepresentativesCompanyStated}); null while no such grant is held or it names none.
     */
    private String representedCompany;
    /** ADR 0061 item 80 (F610): each stored grant or end of the representative's role by its number, with the company it named then (null: none). */
    private final java.util.Map<Long, RepresentativesAct> representativesActs = new java.util.HashMap<>();

    private record RepresentativesAct(String company) {
    }
    /** ADR 0061 item 32 (F421, was O243): the zones this person was ever granted a governor's role in (their records are read on a revocation). */
    private final Set<String> governedZones = new HashSet<>();

    /**
     * ADR 0061 item 23: the orders of this stream's grants and ends stored before item 21, by their sequence, as the start-up pass read
     * them from the archived signed commands ({@link ArchivedIdentityOrders}, which waits for its pass first).
     */
    @FunctionalInterface
    interface OrdersOfStoredActs {
        java.util.Map<Long, String> ordersOf(String stream);

        /**
         * The same, for a page (abuse audit F441, was O262): refused at once ({@code identity.orders-not-ready}) instead of waiting while the
         * pass has not run. An archive that never waits answers as {@link #ordersOf}.
         */
        default java.util.Map<Long, String> ordersWithoutWaiting(String stream) {
            return ordersOf(stream);
        }
    }

    Person() {
    }

    @CommandHandler
    Person(PersonCommands.Enrol command) {
        stream = command.stream();
        apply(command.enrolment());
    }

    @CommandHandler
    void handle(PersonCommands.Grant command) {
        RoleGranted grant = command.grant();
        notErased(grant.personId());
        if (activeGrants.contains(key(grant.role(), grant.zoneId()))) {
            throw RegistryProblem.conflict("identity.role-already-held",
                    grant.personId() + " already holds " + grant.role() + (grant.zoneId() == null ? "" : " for zone " + grant.zoneId()) + ".", null);
        }
        apply(grant);
    }

    /**
     * ADR 0055 item 7 (abuse audit F345 for a role granted by another act: a governor appointed by the Cabinet member, 003 art. 8.2, would hold
     * the zone's one office and never act): {@link mn.registry.identity.api.RoleGrants#personErased}.
     */
    private void notErased(mn.registry.kernel.identity.PersonId person) {
        if (erased) {
            throw mn.registry.identity.api.RoleGrants.personErased(person);
        }
    }

    @CommandHandler
    void handle(PersonCommands.Revoke command) {
        RoleRevoked revocation = command.revocation();
        if (!activeGrants.contains(key(revocation.role(), revocation.zoneId()))) {
            throw RegistryProblem.conflict("identity.role-not-held",
                    revocation.personId() + " does not hold " + revocation.role() + (revocation.zoneId() == null ? "" : " for zone " + revocation.zoneId()) + ".", null);
        }
        apply(revocation);
    }

    /**
     * 001 art. 23.1.1: a certificate revoked signs nothing from the revocation's receipt on (the body as the supervisor signed
     * it, ADR 0026). The named certificate must be one this person enrolled and not revoked yet; with none named, every
     * certificate still in use is revoked. The ground is not published, but says something.
     */
    @CommandHandler
    void handle(RevokeSignerCertificate body, CommandContext context, OrdersOfStoredActs archive,
                mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        String named = body.certificateSha256() == null || VisibleText.saysNothing(body.certificateSha256()) ? null
                : body.certificateSha256().strip().toLowerCase(Locale.ROOT);
        if (named != null && !SHA256_HEX.matcher(named).matches()) {
            throw RegistryProblem.invalid("identity.certificate-fingerprint-invalid", "'certificateSha256' is the certificate's SHA-256 in 64 "
                    + "hexadecimal digits, or empty for every certificate of the person.", "certificateSha256", "001 art. 23.1.1");
        }
        if (body.ground() == null || VisibleText.saysNothing(body.ground()) || body.ground().strip().length() > MAX_GROUND) {
            throw RegistryProblem.invalid("identity.revocation-ground-missing", "State the ground of the revocation (1-" + MAX_GROUND
                    + " characters) in 'ground'.", "ground", "001 art. 23.1.1");
        }
        answersToTheCabinetMember(body, context);
        // ADR 0061 item 75 (F593, was O429): an official of the representative's company does not lock them out
        officialDoesNotActOnTheirCompanysRepresentative(body.personId(), context);
        List<String> revoked;
        if (named == null) {
            revoked = enrolledCertificates.stream().filter(c -> !revokedCertificates.contains(c)).sorted().toList();
            if (revoked.isEmpty()) {
                throw RegistryProblem.conflict("identity.certificate-already-revoked",
                        "Every certificate of " + body.personId() + " is already revoked.", "001 art. 23.1.1");
            }
        } else {
            if (!enrolledCertificates.contains(named)) {
                throw RegistryProblem.invalid("identity.certificate-unknown", body.personId() + " has enrolled no certificate with SHA-256 "
                        + named + ".", "certificateSha256", "001 art. 23.1.1");
            }
            if (revokedCertificates.contains(named)) {
                throw RegistryProblem.conflict("identity.certificate-already-revoked",
                        "The certificate " + named + " of " + body.personId() + " is already revoked.", "001 art. 23.1.1");
            }
            revoked = List.of(named);
        }
        String document = revocationOfAnothersCertificateRestsOnADocument(body, context);
        restsOnAnotherDocumentThanAnEnrolment(document, body.personId());
        revocationRestsOnADocumentOfItsOwn(document, revoked, archive, body.personId(), zoneRecords);
        revoked.forEach(certificate -> apply(new SignerCertificateRevoked(body.personId(), certificate, context.receivedAt(), context.actor(),
                body.ground().strip(), document)));
    }

    /**
     * Whose certificate only the Cabinet member or its own holder (a key reported lost) revokes, never a ministry supervisor alone
     * (choices of 001 art. 23.1.1, which lets the registry revoke but names nobody for another official's certificate):
     * <ul>
     * <li>a supervisor or the Cabinet member (abuse audit F51): else one dishonest supervisor could revoke every other supervisor's
     * certificate and act with no second pair of eyes left;</li>
     * <li>a Free Zone governor in office (003 art. 8.2; ADR 0046 item 12, F102): they answer to the Cabinet member who appoints and
     * dismisses them; a supervisor would stop the zone's registrations (8.7.6) without a dismissal. Once dismissed, the ministry may;</li>
     * <li>the tax officer and the communications inspector (002 art. 28.1; ADR 0046 item 27, F119): officials of other bodies whose
     * signed requests, settlements and findings ground and end a suspension; a supervisor who revoked them could shield a holder.</li>
     * </ul>
     */
    private record AnswersToTheCabinet(Set<Role> roles, String code, String whom, String article) {
    }

    private static final List<AnswersToTheCabinet> ANSWER_TO_THE_CABINET = List.of(
            new AnswersToTheCabinet(Set.of(Role.MINISTRY_SUPERVISOR, Role.CABINET_MEMBER), "identity.revocation-of-oversight",
                    "who holds a supervisor's or the Cabinet member's role", "001 art. 23.1.1"),
            new AnswersToTheCabinet(Set.of(Role.ZONE_GOVERNOR), "identity.revocation-of-a-governor",
                    "a Free Zone governor in office, whom the Cabinet member appoints and dismisses,", "001 art. 23.1.1, 003 art. 8.2"),
            new AnswersToTheCabinet(Set.of(Role.TAX_OFFICER, Role.COMMUNICATIONS_INSPECTOR), "identity.revocation-of-another-bodys-official",
                    "an official of the tax authority or of the communications inspectorate,", "001 art. 23.1.1, 002 art. 28.1"));

    private void answersToTheCabinetMember(RevokeSignerCertificate body, CommandContext context) {
        if (body.personId().equals(context.actor()) || context.roles().contains(Role.CABINET_MEMBER)) {
            return;
        }
        for (AnswersToTheCabinet rule : ANSWER_TO_THE_CABINET) {
            if (rule.roles().stream().anyMatch(this::holds)) {
                throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, rule.code(), "The certificate of " + body.personId() + ", "
                        + rule.whom() + " is revoked by the Cabinet member or by its holder, not by a ministry supervisor.", "personId", rule.article());
            }
        }
    }

    /**
     * 001 art. 23.1.1 (choice, ADR 0061 item 39; abuse audit F474, was O283; narrows ADR 0046 item 32, F130): the revocation of
     * <b>another</b> person's certificate names the document it rests on (the holder's written report of a lost key, the issuer's notice,
     * an order), uploaded first and kept, as every act's is: a supervisor's revocation of a reviewer's every certificate on their word
     * alone ("key reported lost") put the reviewer out of office with no order ending the role (F346 asks one of an end), as it locked a
     * holder's representative out of every act it has a period for (F130). The holder's revocation of their own certificate stays free:
     * a compromised key is revoked at once by the one who holds it.
     */
    private String revocationOfAnothersCertificateRestsOnADocument(RevokeSignerCertificate body, CommandContext context) {
        String document = body.documentSha256() == null || VisibleText.saysNothing(body.documentSha256()) ? null : body.documentSha256().strip();
        if (document != null && !SHA256_HEX.matcher(document).matches()) {
            throw RegistryProblem.invalid("identity.revocation-document-invalid", "'documentSha256' is the SHA-256 of the uploaded document in 64 "
                    + "lower-case hexadecimal digits.", "documentSha256", "001 art. 23.1.1");
        }
        if (document == null && !body.personId().equals(context.actor())) {
            throw RegistryProblem.invalid("identity.revocation-without-document", "The certificate of " + body.personId() + " is revoked by "
                    + "another on the document it rests on (the holder's written report of a lost key, the issuer's notice, an order): upload it "
                    + "and give its SHA-256 in 'documentSha256'. Only the holder revokes their own certificate without one.", "documentSha256",
                    "001 art. 23.1.1");
        }
        return document;
    }

    /**
     * ADR 0055 (001 art. 23.1.1; the body's certificate and document were checked by {@link EnrolSignerType}): the person's
     * certificate signs for them from the receipt on, with the role named. Who may enrol whom are choices where the law names nobody:
     * <ul>
     * <li>nobody enrols themselves: a supervisor whose certificate the Cabinet member revoked (F51) would enrol a new one at once, and a
     * role granted to oneself is no one else's decision;</li>
     * <li>the roles that answer to the Cabinet member ({@link #ANSWER_TO_THE_CABINET}: supervisors, the tax officer, the inspector) are
     * granted by the Cabinet member, and a new certificate of a person who holds one is enrolled by the Cabinet member: else a
     * supervisor would enrol a colleague's new key, or a tax officer of their choosing, and sign as them;</li>
     * <li>an erased person is not enrolled again (their key is destroyed, ADR 0008; a new enrolment is a new person);</li>
     * <li>a certificate enrolled before, revoked or not, is not enrolled again, and a role held is not granted again.</li>
     * </ul>
     */
    @CommandHandler
    @org.axonframework.modelling.command.CreationPolicy(org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(mn.registry.kernel.identity.EnrolSigner body, CommandContext context, PersonalDataSealer sealer, OrdersOfStoredActs archive) {
        if (body.personId().equals(context.actor())) {
            throw RegistryProblem.forbidden("identity.self-enrolment", "Nobody enrols a certificate or grants a role for themselves; another "
                    + "official signs the enrolment of " + body.personId() + ".", EnrolSignerType.ARTICLE);
        }
        notErased(body.personId());
        if (body.role() == Role.APPLICANT) {
            // ADR 0061 item 72 (F564): an official of the company does not give it a representative on their own word
            officialDoesNotNameTheirOwnCompany(body.company(), context);
        }
        enrolledByTheCabinetMember(body, context);
        java.security.cert.X509Certificate certificate = mn.registry.kernel.pki.Certificates.fromPem(body.certificatePem()).get(0);
        String fingerprint = mn.registry.kernel.pki.Certificates.fingerprint(certificate);
        boolean newCertificate = !enrolledCertificates.contains(fingerprint);
        if (newCertificate) {
            // ADR 0061 item 75 (F595): a new certificate replaces the representative's in force: an official of their company does not enrol it
            officialDoesNotActOnTheirCompanysRepresentative(body.personId(), context);
        }
        if (!newCertificate && (body.role() == null || revokedCertificates.contains(fingerprint))) {
            throw RegistryProblem.conflict("identity.certificate-already-enrolled", "The certificate " + fingerprint + " of " + body.personId()
                    + " was enrolled before" + (revokedCertificates.contains(fingerprint) ? " and is revoked: a revoked certificate signs "
                    + "nothing again; enrol a new one." : "."), EnrolSignerType.ARTICLE);
        }
        if (body.role() != null && activeGrants.contains(key(body.role(), null))) {
            throw RegistryProblem.conflict("identity.role-already-held", body.personId() + " already holds " + body.role() + ".", null);
        }
        String document = body.documentSha256().strip();
        roleEndedIsNotGrantedAgainOnAnOrderUsedBefore(body.personId(), body.role(), document, archive);
        if (stream == null) {
            stream = mn.registry.infrastructure.identity.IdentityDirectory.streamOf(body.personId());
        }
        if (newCertificate) {
            List<String> replaced = certificatesInForce();
            String name = mn.registry.kernel.pki.Certificates.commonName(certificate).orElse(body.personId().value());
            apply(PersonEnrolled.signed(body.personId(), fingerprint, context.receivedAt(), sealer.encrypt(body.personId(),
                            new mn.registry.kernel.identity.PersonalDetails(name, mn.registry.kernel.pki.Certificates.base64Der(certificate))),
                    context.actor(), document));
            replaced.forEach(old -> apply(new SignerCertificateRevoked(body.personId(), old, context.receivedAt(), context.actor(), REPLACED_GROUND,
                    document)));
        }
        if (body.role() != null) {
            // ADR 0061 item 44 (F503, was O291): a representative's grant names the company the enrolment named (checked by EnrolSignerType)
            apply(new RoleGranted(body.personId(), body.role(), null, context.receivedAt(), context.actor(), ENROLMENT_GROUND, lower(document),
                    EnrolSignerType.representativesCompany(body)));
        }
    }

    /**
     * 001 art. 23.1.1 (ADR 0061 item 18; abuse audit F344): a role ended is granted again only on an order of its own. The order an enrolment
     * of the person rested on before the role's end (the appointment) was spent on the grant the end undid; cited again, a supervisor would
     * give a dismissed colleague the role back with no new decision. A role never ended may still be granted on the enrolment's order (one
     * order may appoint to two roles), and an order first cited after the end (the new appointment, with its new certificate) grants it.
     */
    private void roleEndedIsNotGrantedAgainOnAnOrderUsedBefore(mn.registry.kernel.identity.PersonId person, Role role, String document,
                                                                OrdersOfStoredActs archive) {
        if (role != null && (ordersUsedBeforeTheEnd.getOrDefault(key(role, null), Set.of()).contains(lower(document))
                || archivedOrdersCitedBeforeTheEnd(key(role, null), archive).contains(lower(document)))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.role-again-on-a-used-order", "The role " + role + " of "
                    + person + " was ended after an act of the person's that rested on this document; the role is granted again on an order of its own "
                    + "(the new appointment), not on the one the ended grant was made on.", "documentSha256", EnrolSignerType.ARTICLE);
        }
    }

    /**
     * ADR 0055: a role granted by an enrolment ends from the receipt on, by the officials who grant it (the roles that answer to the
     * Cabinet member by the Cabinet member: else one supervisor would dismiss the other, or the tax officer whose request grounds a
     * suspension), never by the person themselves (a supervisor ending their own role to escape the four eyes of F100 would then be
     * re-enrolled by a colleague), and only a role held.
     */
    @CommandHandler
    void handle(mn.registry.kernel.identity.EndSignerRole body, CommandContext context, OrdersOfStoredActs archive) {
        if (body.personId().equals(context.actor())) {
            throw RegistryProblem.forbidden("identity.own-role-ended", "Nobody ends their own role; another official signs the end of "
                    + body.personId() + "'s role.", EnrolSignerType.ARTICLE);
        }
        if (!context.roles().contains(Role.CABINET_MEMBER)) {
            for (AnswersToTheCabinet rule : ANSWER_TO_THE_CABINET) {
                if (rule.roles().contains(body.role())) {
                    throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.role-ended-by-the-cabinet-member", "The role " + body.role()
                            + " of " + body.personId() + ", " + rule.whom() + " is ended by the Cabinet member, not by a ministry supervisor.",
                            "role", rule.article());
                }
            }
        }
        if (!activeGrants.contains(key(body.role(), null))) {
            throw RegistryProblem.conflict("identity.role-not-held", body.personId() + " does not hold " + body.role() + ".", EnrolSignerType.ARTICLE);
        }
        if (body.role() == Role.APPLICANT) {
            // ADR 0061 item 75 (F593, was O429): an official of the representative's company does not end their role either
            officialDoesNotActOnTheirCompanysRepresentative(body.personId(), context);
        }
        restsOnAnotherDocumentThanAnEnrolment(body.documentSha256(), body.personId());
        String document = lower(body.documentSha256());
        endRestsOnAnOrderOfItsOwn(body, document, archive);
        apply(RoleRevoked.onDocument(body.personId(), body.role(), context.receivedAt(), context.actor(), ROLE_END_GROUND, document));
    }

    /**
     * 001 art. 23.1.1 (ADR 0061 item 21; abuse audit F346, F347): the end of a role rests on an order of its own, judged per role
     * now that grants and ends name their document: not the order a grant of that role rested on (F184 saw only the orders that enrolled a
     * certificate, so a reviewer granted the role on their enrolled certificate was dismissed on their appointment order), and not the order
     * an earlier end of that role rested on (a dismissal order used again to dismiss a reviewer re-appointed since). Per role, so that one
     * order ending one role and granting another (a promotion) ends and grants. Since item 23 (F383, was O202) the grants and ends stored
     * before item 21 count with the orders the archive names for them.
     */
    private void endRestsOnAnOrderOfItsOwn(mn.registry.kernel.identity.EndSignerRole body, String document, OrdersOfStoredActs archive) {
        String role = key(body.role(), null);
        java.util.Map<Long, String> archived = grantsNamingNoOrder.isEmpty() && endsNamingNoOrder.isEmpty() ? java.util.Map.of()
                : archive.ordersOf(stream);
        if (grantOrders.getOrDefault(role, Set.of()).contains(document) || archivedOrders(grantsNamingNoOrder, archived, role, Long.MAX_VALUE)
                .contains(document)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.document-of-the-enrolment", "This document is the one a grant of "
                    + body.role() + " to " + body.personId() + " rested on (the appointment); the end of the role rests on a document of its own.",
                    "documentSha256", EnrolSignerType.ARTICLE);
        }
        if (endOrders.getOrDefault(role, Set.of()).contains(document) || archivedOrders(endsNamingNoOrder, archived, role, Long.MAX_VALUE)
                .contains(document)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.end-on-a-used-order", "This document ended " + body.role() + " of "
                    + body.personId() + " before; the role granted since is ended on an order of its own (the new dismissal).", "documentSha256",
                    EnrolSignerType.ARTICLE);
        }
    }

    /**
     * ADR 0061 item 23 (F383, was O202): the orders the archive names for the grants and ends stored before item 21 up to the latest end of
     * {@code role} (of any role: F344 counts every order cited before the end); asks the archive only when the role was ended after such an act.
     */
    private Set<String> archivedOrdersCitedBeforeTheEnd(String role, OrdersOfStoredActs archive) {
        Long end = latestEnd.get(role);
        if (end == null || (grantsNamingNoOrder.keySet().stream().noneMatch(s -> s <= end) && endsNamingNoOrder.keySet().stream().noneMatch(s -> s <= end))) {
            return Set.of();
        }
        java.util.Map<Long, String> archived = archive.ordersOf(stream);
        Set<String> cited = new HashSet<>(archivedOrders(grantsNamingNoOrder, archived, null, end));
        cited.addAll(archivedOrders(endsNamingNoOrder, archived, null, end));
        return cited;
    }

    // ADR 0061 item 23: the archive's orders of the acts of {@code acts} of {@code role} (null: any) at or before sequence {@code upTo}
    private static Set<String> archivedOrders(java.util.Map<Long, String> acts, java.util.Map<Long, String> archived, String role, long upTo) {
        Set<String> orders = new HashSet<>();
        acts.forEach((sequence, actsRole) -> {
            if (sequence <= upTo && (role == null || role.equals(actsRole)) && archived.get(sequence) != null) {
                orders.add(lower(archived.get(sequence)));
            }
        });
        return orders;
    }

    // ADR 0061 item 21: a grant's or an end's order, by role and among every order the stream cited (none in events stored before)
    private void cited(java.util.Map<String, Set<String>> byRole, String role, String document) {
        if (document != null) {
            byRole.computeIfAbsent(role, k -> new HashSet<>()).add(lower(document));
            citedDocuments.add(lower(document));
        }
    }

    private static String lower(String document) {
        return document == null ? null : document.strip().toLowerCase(Locale.ROOT);
    }

    // 001 art. 23.1.1 (abuse audit F184): the end of a role, or the revocation of a certificate, rests on a document of its own (the
    // dismissal order, the holder's written report of a lost key): the document an enrolment of the person rested on (their appointment,
    // the company's power of representation) is the record of the opposite act. Received and kept, it passed every check, and a
    // supervisor could revoke a holder's representative (F130) or dismiss a reviewer on the paper that made them one
    private void restsOnAnotherDocumentThanAnEnrolment(String document, mn.registry.kernel.identity.PersonId person) {
        if (document != null && enrolmentDocuments.contains(document.strip().toLowerCase(Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.document-of-the-enrolment", "This document is the one an "
                    + "enrolment of " + person + " rested on (the appointment, the power of representation); the end of a role or the revocation "
                    + "of a certificate rests on a document of its own.", "documentSha256", "001 art. 23.1.1");
        }
    }

    /**
     * 001 art. 23.1.1 (abuse audit F385, F386; ADR 0061 item 25): the revocation of a certificate rests on a document of its own, as F184 has
     * it for the enrolment's document:
     * <ul>
     * <li>not the order a grant of a role to the person rested on (the appointment, the power of representation that made them a company's
     * representative), whatever the role, nor one the archive names for a grant stored before grants named theirs (item 23): F184 knew only
     * the documents that enrolled a certificate, so a representative granted the role on a certificate enrolled before was locked out on the
     * very power that made them one (F130 asks a document of the revocation, and this one passed);</li>
     * <li>not a document a revocation rested on before the certificate was enrolled (F386): a report of a lost key written before a
     * certificate existed does not report that certificate's loss, and a supervisor would lock a representative out of their new key on the
     * old report. One report naming two certificates enrolled before it revokes each in its own act.</li>
     * </ul>
     */
    private void revocationRestsOnADocumentOfItsOwn(String document, List<String> revoked, OrdersOfStoredActs archive,
                                                    mn.registry.kernel.identity.PersonId person,
                                                    mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        if (document == null) {
            return;
        }
        String cited = lower(document);
        boolean aGrantsOrder = grantOrders.values().stream().anyMatch(orders -> orders.contains(cited))
                || (!grantsNamingNoOrder.isEmpty() && archivedOrders(grantsNamingNoOrder, archive.ordersOf(stream), null, Long.MAX_VALUE).contains(cited))
                || aZoneRecordsDecision(cited, person, zoneRecords);
        if (aGrantsOrder) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.document-of-the-enrolment", "This document is the one a grant of a "
                    + "role to the person rested on (the appointment, the power of representation); the revocation of a certificate rests on a "
                    + "document of its own.", "documentSha256", EnrolSignerType.ARTICLE);
        }
        for (String certificate : revoked) {
            if (revocationDocumentsBeforeEnrolment.getOrDefault(certificate, Set.of()).contains(cited)) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.revocation-on-a-used-document", "This document grounded a "
                        + "revocation before the certificate " + certificate + " was enrolled, so it does not report that certificate's loss; its "
                        + "revocation rests on a document of its own (the holder's new report, the issuer's notice).", "documentSha256",
                        EnrolSignerType.ARTICLE);
            }
        }
    }

    /**
     * 001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 32; abuse audit F421, was O243): a governor appointed while holding the role (enrolled
     * with it at the registry's first start) has the appointment recorded on the zone alone (item 30), with no grant on this stream naming
     * its decision; the zones' records are read for it ({@link mn.registry.identity.api.ZoneRecordsOfAppointments}), only for a person ever
     * granted a governor's role. The stream's fold is unchanged: stored events are read as they were.
     */
    private boolean aZoneRecordsDecision(String cited, mn.registry.kernel.identity.PersonId person,
                                         mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        return !governedZones.isEmpty() && zoneRecords.appointmentDocuments(person, Set.copyOf(governedZones)).stream()
                .anyMatch(decision -> cited.equals(lower(decision)));
    }

    /**
     * 001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 31; abuse audit F420, was O225; F422, was O242): the statement of the order a stored
     * grant or end rested on, when the registry does not know it ({@link StoredActStatements} judges it): from then on the order counts as
     * that act's, for every rule that reads the stream's orders.
     */
    @CommandHandler
    void handle(mn.registry.kernel.identity.StateStoredActOrder body, CommandContext context, OrdersOfStoredActs archive,
                mn.registry.document.DocumentStore documents, mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        String zoneStream = body.zoneId() == null ? null : body.zoneId().stream();
        StoredActStatements statements = zoneStream == null ? statements() : recordedOnTheZoneAlone(body.personId(), body.zoneId(), zoneRecords);
        StoredActStatements.StoredAct act = statements.statable(body, context, () -> archive.ordersOf(stream), documents);
        officialDoesNotStateTheOrderOfTheirCompanysRepresentative(body, context);
        apply(new mn.registry.kernel.identity.StoredActOrderStated(body.personId(), body.sequence(), act.act(), act.role(), act.zoneId(),
                lower(body.documentSha256()), context.receivedAt(), context.actor(), zoneStream));
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 item 80, <b>choice</b>, the lead's reading; abuse audit F610, was O468): the statement of the
     * order a representative's stored grant or end rested on fixes which order gave or took away the company's representative, so item 75's
     * rule holds for it as for the end itself: the company is the one the stated act's grant named at that act (the grant's own, or for an
     * end the company of the grant it ended, a statement of the company made before it counted), judged against the signer's own grant in
     * force at the registry's receipt ({@link #officialDoesNotActOnTheRepresentativeOf}; a grant naming none at the act is tied to every
     * company, item 81). An act of the zone's record, or of another role, is not a representative's.
     */
    private void officialDoesNotStateTheOrderOfTheirCompanysRepresentative(mn.registry.kernel.identity.StateStoredActOrder body,
                                                                           CommandContext context) {
        RepresentativesAct act = body.zoneId() == null ? representativesActs.get(body.sequence()) : null;
        if (act != null) {
            officialDoesNotActOnTheRepresentativeOf(act.company(), body.personId(), context);
        }
    }

    /**
     * 003 art. 8.2 (ADR 0061 item 36; abuse audit F442, was O260): the acts of the zone's record a statement naming the zone may give the
     * decision of: the governor's appointments and dismissals there naming no document (stored before item 27) that left no act on this
     * stream (an appointment of a governor holding the role from the registry's first start grants nothing, item 30); an act recorded here
     * too is stated here, once. Judged as every statement is ({@link StoredActStatements}: once, never by the person, by the Cabinet member).
     */
    private StoredActStatements recordedOnTheZoneAlone(mn.registry.kernel.identity.PersonId person, mn.registry.kernel.freezone.ZoneId zone,
                                                       mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        java.util.Map<Long, StoredActStatements.StoredAct> alone = new java.util.HashMap<>();
        zoneRecords.recordsNamingNoDocument(person, zone.value()).forEach((number, recorded) -> {
            StoredActStatements.StoredAct act = new StoredActStatements.StoredAct(recorded.act(), Role.ZONE_GOVERNOR, zone.value(), recorded.at());
            if (!actsNamingNoDocument.containsValue(act)) {
                alone.put(number, act);
            }
        });
        return new StoredActStatements(alone, statedOnTheZonesStreams.getOrDefault(zone.stream(), Set.of()), this::answersToTheCabinet, zone.stream());
    }

    /**
     * ADR 0061 item 33 (F423, was O261): the stored acts a statement may name, for the staff pages ({@link PersonsStoredActs}), judged by
     * the statement's own rules: this stream's, then (item 40; abuse audit F475, was O281) for a governor each governed zone's
     * appointments and dismissals recorded there alone, by their number on the zone's stream, as a statement naming the zone judges them
     * ({@link #recordedOnTheZoneAlone}, read once per zone and lookup).
     */
    List<mn.registry.kernel.identity.StoredActsNamingNoOrder.ActNamingNoOrder> actsNamingNoOrder(mn.registry.kernel.identity.PersonId person,
            OrdersOfStoredActs archive, mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        List<mn.registry.kernel.identity.StoredActsNamingNoOrder.ActNamingNoOrder> acts = new java.util.ArrayList<>(
                statements().namingNoOrder(() -> archive.ordersOf(stream)).stream().map(act -> act.stated() && statedOrders.containsKey(act.sequence())
                        ? new mn.registry.kernel.identity.StoredActsNamingNoOrder.ActNamingNoOrder(act.sequence(), act.act(), act.role(), act.zoneId(),
                        act.at(), true, act.byTheCabinetMember(), act.onTheZonesStream(), statedOrders.get(act.sequence()), null) : act).toList());
        governedZones.stream().sorted().map(mn.registry.kernel.freezone.ZoneId::of)
                .forEach(zone -> acts.addAll(recordedOnTheZoneAlone(person, zone, zoneRecords).namingNoOrder(java.util.Map::of)));
        return acts;
    }

    private StoredActStatements statements() {
        return new StoredActStatements(actsNamingNoDocument, statedActs, this::answersToTheCabinet, null);
    }

    private boolean answersToTheCabinet(Role role) {
        return ANSWER_TO_THE_CABINET.stream().anyMatch(rule -> rule.roles().contains(role));
    }

    /**
     * 001 art. 23.1.1; 002 art. 23.2 (choice, the lead's reading, ADR 0061 item 63; abuse audit F556, was O402): the statement of the company
     * of a representative's grant naming none ({@link StateRepresentativesCompanyType} checks the number and claims the power of
     * representation first) is stated only for a grant of the applicant's role in force at the registry's receipt (400
     * {@code identity.representative-grant-missing}) that names no company (409 {@code identity.representatives-company-already-named}):
     * a second statement, or one on a grant naming its company, would move a representative to another company.
     */
    @CommandHandler
    void handle(mn.registry.kernel.identity.StateRepresentativesCompany body, CommandContext context) {
        companyStatedByAnotherOfficialThanTheRepresentative(body, context);
        companyStatedByNoneOfItsRepresentatives(body, context);
        representativesCompanyStatedOnceForAGrantNamingNone(body);
        apply(new mn.registry.kernel.identity.RepresentativesCompanyStated(body.personId(), body.company().strip(),
                lower(body.documentSha256()), context.receivedAt(), context.actor()));
    }

    /**
     * 001 art. 23.1.1; 002 art. 23.2 (ADR 0061 item 71, choice; abuse audit F539): nobody states the company of their own grant, as nobody
     * enrols themselves (ADR 0055): a supervisor who also holds a representative's grant naming none would choose, on their own word, the
     * company they act for from then on. Another official states it (403 {@code identity.own-company-stated}, field {@code personId}).
     */
    private static void companyStatedByAnotherOfficialThanTheRepresentative(mn.registry.kernel.identity.StateRepresentativesCompany body,
                                                                           CommandContext context) {
        if (body.personId().equals(context.actor())) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.own-company-stated", "Nobody states the company of their own "
                    + "representative's grant; another official states the company of " + body.personId() + "'s grant.", "personId",
                    EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (ADR 0061 item 72, choice, as ADR 0046 items 150-151 read it for a permit; abuse audit
     * F563): an official whose own grant of the representative's role in force at the registry's receipt names the company stated (the
     * signer's company, judged at the receipt) does not state it for another person: they would give their own company a representative on
     * their own word, acting for the company and not for the ministry. Another official states it (403
     * {@code identity.official-represents-the-company}, field {@code company}).
     */
    private static void companyStatedByNoneOfItsRepresentatives(mn.registry.kernel.identity.StateRepresentativesCompany body,
                                                                CommandContext context) {
        officialDoesNotNameTheirOwnCompany(body.company(), context);
    }

    /**
     * ADR 0061 item 72 (F563, F564): the rule of a statement of a representative's company and of a representative's enrolment: refused when
     * the signer's own grant in force at the registry's receipt ({@code context.company()}) names {@code company}, the company the act gives
     * a representative (null: none named, judged by the act's other rules).
     */
    static void officialDoesNotNameTheirOwnCompany(String company, CommandContext context) {
        String named = company == null ? null : company.strip();
        officialRepresentsNoCompanyUnnamed(context, "company");
        if (mn.registry.kernel.permit.Company.grantNames(context.company(), named)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.official-represents-the-company", context.actor() + "'s own "
                    + "grant in force at the registry's receipt (" + context.receivedAt() + ") names the company " + named + ": they do not "
                    + "give it a representative for the ministry (an enrolment or a statement of the grant's company); another official does.",
                    "company", EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (ADR 0061 item 76, <b>choice</b>, the lead's reading; abuse audit F594, was O431): a
     * signer who holds, at the registry's receipt, a grant of the representative's role naming no company (stored before session 29, or by the
     * start-up enrolment's any-company path, and given none by a statement) acts for any company (item 49), so item 72's rule and item 75's
     * treat them as tied to <b>every</b> company: they give no company a representative, and end or lock out none, for the ministry; another
     * official does (403 {@code identity.official-represents-any-company}, on {@code field}). Their grant's company is stated by another (item 63).
     */
    static void officialRepresentsNoCompanyUnnamed(CommandContext context, String field) {
        if (context.roles().contains(Role.APPLICANT) && context.company() == null) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.official-represents-any-company", context.actor() + "'s own "
                    + "representative's grant in force at the registry's receipt (" + context.receivedAt() + ") names no company: it acts for any "
                    + "company, so they neither give a company a representative nor end a representative's role or certificate for the ministry; "
                    + "another official does (and states their grant's company).", field, EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (ADR 0061 item 75, <b>choice</b>, the lead's reading; abuse audit F593, was O429; F595): an
     * official does not act on their own company's representative either way: item 72 refuses giving the company a representative, and
     * this refuses taking one away, the end of the representative's role ({@code EndSignerRole} of {@link Role#APPLICANT}), the revocation of
     * their certificate ({@code RevokeSignerCertificate}) or a new certificate enrolled for them, which replaces theirs ({@code EnrolSigner}),
     * by a signer whose own grant in force at the registry's receipt names the company this person's grant in force names (or was stated for
     * it, item 63): 403 {@code identity.official-represents-the-representatives-company}, field {@code personId}. A signer whose own grant
     * names none is refused as tied to every company (item 76). The company's instruction to end its representative goes to an official with
     * no tie. The representative's own revocation of their certificate stays theirs.
     */
    private void officialDoesNotActOnTheirCompanysRepresentative(mn.registry.kernel.identity.PersonId person, CommandContext context) {
        if (!holds(Role.APPLICANT) || person.equals(context.actor())) {
            return;
        }
        officialDoesNotActOnTheRepresentativeOf(representedCompany, person, context);
    }

    /**
     * The rule of items 75, 80 and 81 (002 art. 23.2; 001 art. 23.1.1): a signer does not act on {@code person}, a representative whose grant
     * names {@code representedCompany} (null: none, so it acts for any company), where the signer's own grant in force at the registry's
     * receipt names that company (compared as the kernel compares a grant's company, {@link mn.registry.kernel.permit.Company#grantNames}),
     * or where either grant names none (item 76 and, the other way, ADR 0061 item 81, <b>choice</b>; abuse audit F611, was O469: a
     * representative naming no company is tied to every company, the signer's included): 403
     * {@code identity.official-represents-the-representatives-company} (or {@code identity.official-represents-any-company} for a signer
     * naming none), field {@code personId}. Asked by the end of the role, the revocation and a new certificate (item 75), the erasure of the
     * representative's personal data and the statement of the order of a representative's stored grant or end (item 80, F610, was O468).
     */
    static void officialDoesNotActOnTheRepresentativeOf(String representedCompany, mn.registry.kernel.identity.PersonId person,
                                                        CommandContext context) {
        officialRepresentsNoCompanyUnnamed(context, "personId");
        if (context.company() == null) {
            return;
        }
        if (representedCompany == null) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.official-represents-the-representatives-company", context.actor()
                    + "'s own grant in force at the registry's receipt (" + context.receivedAt() + ") names the company " + context.company()
                    + ", and " + person + "'s representative's grant names no company: it acts for any company, theirs included, so they do not "
                    + "end its role, revoke its certificate, enrol a new one, erase its holder's data or state its order; another official does.",
                    "personId", EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
        if (mn.registry.kernel.permit.Company.grantNames(context.company(), representedCompany)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.official-represents-the-representatives-company", context.actor()
                    + "'s own grant in force at the registry's receipt (" + context.receivedAt() + ") names the company " + representedCompany
                    + ", which " + person + " represents: an official does not end the role of their own company's representative, revoke their "
                    + "certificate, enrol a new one for them, erase their personal data or state the order of their grant or end; another "
                    + "official does.", "personId", EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
    }

    /** ADR 0061 item 63: the rule of {@link #handle(mn.registry.kernel.identity.StateRepresentativesCompany, CommandContext)}. */
    private void representativesCompanyStatedOnceForAGrantNamingNone(mn.registry.kernel.identity.StateRepresentativesCompany body) {
        notErased(body.personId());
        if (!holds(Role.APPLICANT)) {
            throw RegistryProblem.invalid("identity.representative-grant-missing", body.personId() + " holds no company representative's "
                    + "role (APPLICANT) at the registry's receipt; its company is named by the enrolment.", "personId",
                    EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
        if (representedCompany != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.representatives-company-already-named", body.personId()
                    + "'s grant already names the company " + representedCompany + "; a statement does not move a representative to another "
                    + "company (end the role and enrol them for it).", "company", EnrolSignerType.REPRESENTATIVE_ARTICLE);
        }
    }

    @EventSourcingHandler
    void on(mn.registry.kernel.identity.RepresentativesCompanyStated event) {
        representedCompany = event.company();
        citedDocuments.add(lower(event.documentSha256()));
    }

    @EventSourcingHandler
    void on(mn.registry.kernel.identity.StoredActOrderStated event) {
        cited("grant".equals(event.act()) ? grantOrders : endOrders, key(event.role(), event.zoneId()), event.documentSha256());
        if (event.onTheZonesStream() != null) {
            // ADR 0061 item 36 (F442, was O260): an act of the zone's stream, its number there, not one of this stream's
            statedOnTheZonesStreams.computeIfAbsent(event.onTheZonesStream(), zone -> new HashSet<>()).add(event.sequence());
            return;
        }
        statedActs.add(event.sequence());
        statedOrders.put(event.sequence(), event.documentSha256());
        grantsNamingNoOrder.remove(event.sequence());
        endsNamingNoOrder.remove(event.sequence());
        // F344: an order of an act at or before a role's latest end was cited before that end
        latestEnd.forEach((ended, at) -> {
            if (at >= event.sequence()) {
                Set<String> before = new HashSet<>(ordersUsedBeforeTheEnd.getOrDefault(ended, Set.of()));
                before.add(event.documentSha256());
                ordersUsedBeforeTheEnd.put(ended, before);
            }
        });
    }

    /**
     * 001 art. 23.1.1 (choice, ADR 0055 consequences, abuse audit F146): a new certificate enrolled for a person replaces the ones in force,
     * revoked from the same receipt on, on the enrolment's document. An enrolment is the remedy for a lost key (F132); left in force
     * beside the new one, the lost key went on signing as the person for whoever holds it, and a supervisor who enrolled a new certificate
     * without revoking the old kept a second way to sign as them.
     */
    private List<String> certificatesInForce() {
        return enrolledCertificates.stream().filter(c -> !revokedCertificates.contains(c)).sorted().toList();
    }

    private void enrolledByTheCabinetMember(mn.registry.kernel.identity.EnrolSigner body, CommandContext context) {
        if (context.roles().contains(Role.CABINET_MEMBER)) {
            return;
        }
        for (AnswersToTheCabinet rule : ANSWER_TO_THE_CABINET) {
            if ((body.role() != null && rule.roles().contains(body.role())) || rule.roles().stream().anyMatch(this::holds)) {
                throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.enrolment-by-the-cabinet-member", "The certificate or role of "
                        + body.personId() + ", " + rule.whom() + " is enrolled by the Cabinet member, not by a ministry supervisor.",
                        "role", rule.article());
            }
        }
    }

    private boolean holds(Role role) {
        return activeGrants.stream().anyMatch(grant -> grant.startsWith(role + "/"));
    }

    @CommandHandler
    void handle(PersonCommands.Erase command) {
        if (erased) {
            throw RegistryProblem.conflict("privacy.already-erased", command.erased().personId() + "'s personal data is already erased.", null);
        }
        apply(command.erased());
    }

    @EventSourcingHandler
    void on(mn.registry.kernel.identity.PersonalDataErased event) {
        erased = true;
    }

    private static String key(Role role, String zoneId) {
        return role + "/" + Objects.toString(zoneId, "");
    }

    @EventSourcingHandler
    void on(PersonEnrolled event, @SourceId String source) {
        if (source != null) {
            stream = source;
        }
        enrolledCertificates.add(event.certificateSha256().toLowerCase(Locale.ROOT));
        revocationDocumentsBeforeEnrolment.put(event.certificateSha256().toLowerCase(Locale.ROOT), Set.copyOf(revocationDocuments));
        if (event.documentSha256() != null) {
            enrolmentDocuments.add(lower(event.documentSha256()));
            citedDocuments.add(lower(event.documentSha256()));
        }
    }

    @EventSourcingHandler
    void on(SignerCertificateRevoked event) {
        revokedCertificates.add(event.certificateSha256().toLowerCase(Locale.ROOT));
        if (event.documentSha256() != null) {
            revocationDocuments.add(lower(event.documentSha256()));
        }
    }

    @EventSourcingHandler
    void on(RoleGranted event, @org.axonframework.eventhandling.SequenceNumber Long sequence) {
        activeGrants.add(key(event.role(), event.zoneId()));
        if (event.role() == Role.APPLICANT) {
            representedCompany = event.company();
            if (sequence != null) {
                representativesActs.put(sequence, new RepresentativesAct(event.company()));
            }
        }
        cited(grantOrders, key(event.role(), event.zoneId()), event.documentSha256());
        if (sequence != null && ArchivedIdentityOrders.namesNoOrder(event)) {
            grantsNamingNoOrder.put(sequence, key(event.role(), event.zoneId()));
        }
        if (event.zoneId() != null) {
            governedZones.add(event.zoneId());
        }
        if (sequence != null && event.documentSha256() == null && event.grantedBy() != null) {
            actsNamingNoDocument.put(sequence, new StoredActStatements.StoredAct("grant", event.role(), event.zoneId(), event.validFrom()));
        }
    }

    @EventSourcingHandler
    void on(RoleRevoked event, @org.axonframework.eventhandling.SequenceNumber Long sequence) {
        activeGrants.remove(key(event.role(), event.zoneId()));
        if (event.role() == Role.APPLICANT) {
            if (sequence != null) {
                representativesActs.put(sequence, new RepresentativesAct(representedCompany));
            }
            representedCompany = null;
        }
        cited(endOrders, key(event.role(), event.zoneId()), event.documentSha256());
        ordersUsedBeforeTheEnd.put(key(event.role(), event.zoneId()), Set.copyOf(citedDocuments));
        if (sequence != null) {
            latestEnd.put(key(event.role(), event.zoneId()), sequence);
            if (ArchivedIdentityOrders.namesNoOrder(event)) {
                endsNamingNoOrder.put(sequence, key(event.role(), event.zoneId()));
            }
            if (event.documentSha256() == null && event.revokedBy() != null) {
                actsNamingNoDocument.put(sequence, new StoredActStatements.StoredAct("end", event.role(), event.zoneId(),
                        event.receivedAt() != null ? event.receivedAt() : event.validUntil()));
            }
        }
    }
}
