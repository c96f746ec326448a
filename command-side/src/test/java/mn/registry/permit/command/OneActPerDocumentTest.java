package mn.registry.permit.command;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static mn.registry.testing.Refusals.conflictRefusedAs;

/**
 * ADR 0057, session 19 (abuse audit F215-F219, was O120): the papers the law makes one act's (002 art. 26.7: one contract, one permit's
 * issue; 29.6: one complaint paper, one revocation's complaint, one decision on it; 29.4: one contract, one database passed on) ground the
 * acts of one permit; another permit's act citing one is refused with {@code document.already-grounds-another-act}, the act's field and
 * article. A lawful pair shares one permit's papers only. The aggregates here accept everything (a mock gateway), so that the document's
 * claim alone is judged; and one claiming act makes one insert.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class OneActPerDocumentTest {

    static final Instant AT = Instant.parse("2031-03-02T02:00:00Z");
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private MongoClient counted;
    private final Map<String, Integer> roundTrips = new TreeMap<>();
    private CommandLog log;
    private DocumentClaims claims;
    private PermitCommandTypes types;
    private com.mongodb.client.MongoCollection<Document> claimsOnDisk;

    @BeforeEach
    void start(ConnectionString server, MongoDatabase database) {
        // the same database through a client that counts its commands (as -Dregistry.mongo.roundTrips=true counts the registry's)
        counted = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server).addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                roundTrips.merge(event.getCommandName(), 1, Integer::sum);
            }
        }).build());
        MongoDatabase same = counted.getDatabase(database.getName());
        claimsOnDisk = database.getCollection(DocumentClaims.COLLECTION);
        log = new CommandLog(same, Clock.fixed(AT, ZoneOffset.UTC));
        claims = DocumentClaims.backfilled(same, log);
        types = new PermitCommandTypes(mock(CommandGateway.class)); // every aggregate accepts: the claim is what is judged
    }

    @AfterEach
    void stop() {
        counted.close();
    }

    /** A command accepted into the command log (it holds what it claims while it is logged), by a supervisor. */
    private CommandContext signed() {
        String id = "cmd-" + COMMANDS.incrementAndGet();
        log.claim(id, id + "-jws", "jws", "Act", "supervisor-1");
        return new CommandContext(id, AT, AT, new PersonId("supervisor-1"), Set.of(Role.MINISTRY_SUPERVISOR, Role.APPLICANT), Set.of(), "ab".repeat(32));
    }

    private static String document(String words) {
        return Sha256.hex(words.getBytes(StandardCharsets.UTF_8));
    }

    private static ApplicationId permit() {
        return ApplicationId.of(UUID.randomUUID());
    }

    private static <T> RegistryProblem refused(SignedCommandType<T> type, T body, CommandContext context) {
        return catchThrowableOfType(() -> type.handle(body, context), RegistryProblem.class);
    }

    private String holderOf(String sha256) {
        Document claim = claimsOnDisk.find(com.mongodb.client.model.Filters.eq("_id", sha256)).first();
        return claim == null ? null : claim.getString("commandId");
    }

    @Test
    @DisplayName("002 art. 26.7 (F215, was O120): the contract one permit was issued with, cited again to issue another permit, is refused "
            + "(409 document.already-grounds-another-act, field contractSha256); the same permit's issue again passes to its aggregate")
    void one_contract_issues_one_permit() {
        ApplicationId a = permit();
        ApplicationId b = permit();
        String contract = document("contract 2031/7 with the holder of permit A");
        SignedCommandType<IssuePermit> issue = types.issuePermit(claims);
        CommandContext first = signed();
        issue.handle(new IssuePermit(a, "certificates", List.of("c"), null, contract), first);
        conflictRefusedAs(refused(issue, new IssuePermit(b, "certificates", List.of("c"), null, contract), signed()),
                "document.already-grounds-another-act", "contractSha256", "002 art. 26.7");
        assertThat(holderOf(contract)).as("still the first issue's").isEqualTo(first.commandId());
        assertThat(refused(issue, new IssuePermit(a, "certificates", List.of("c"), null, contract), signed()))
                .as("the same permit's act: its aggregate decides (issued already)").isNull();
    }

    @Test
    @DisplayName("002 art. 29.6 (F216, F217, was O120): one complaint paper complains of one revocation, one decision decides it: either "
            + "cited for another permit's revocation is refused, with the act's field")
    void one_complaint_and_one_decision_for_one_revocation() {
        ApplicationId a = permit();
        ApplicationId b = permit();
        String complaint = document("complaint of holder A against the revocation of its permit");
        String decision = document("the ministry's decision on holder A's complaint");
        types.fileRevocationComplaint(claims).handle(new FileRevocationComplaint(a, complaint), signed());
        conflictRefusedAs(refused(types.fileRevocationComplaint(claims), new FileRevocationComplaint(b, complaint), signed()),
                "document.already-grounds-another-act", "complaintSha256", "002 art. 29.6");
        // the mock gateway names no holder, so the upheld decision claims no company number (F566): no company claims are needed here
        types.decideRevocationComplaint(null, claims).handle(new DecideRevocationComplaint(a, false, decision), signed());
        conflictRefusedAs(refused(types.decideRevocationComplaint(null, claims), new DecideRevocationComplaint(b, true, decision), signed()),
                "document.already-grounds-another-act", "decisionSha256", "002 art. 29.6");
    }

    @Test
    @DisplayName("002 art. 29.4 (F218, was O120): the contract one revoked holder's certificate database was passed on with, cited for "
            + "another revoked permit's database, is refused")
    void one_contract_passes_one_database_on() {
        ApplicationId revoked = permit();
        ApplicationId otherRevoked = permit();
        ApplicationId successor = permit();
        String contract = document("contract passing the certificate database of permit A to permit C");
        types.passCertificateDatabaseOn(claims).handle(new PassCertificateDatabaseOn(revoked, successor, contract), signed());
        conflictRefusedAs(refused(types.passCertificateDatabaseOn(claims), new PassCertificateDatabaseOn(otherRevoked, successor, contract), signed()),
                "document.already-grounds-another-act", "contractSha256", "002 art. 29.4");
    }

    @Test
    @DisplayName("002 art. 29.3 (F221, was O121): the signed receipt of one revoked holder's certificate database, cited to record another "
            + "revoked permit's database handed over, is refused (409 document.already-grounds-another-act, field receiptSha256), nothing "
            + "claimed for it; the same permit's hand-over again passes to its aggregate; the receipt as the holder's evidence of the "
            + "hand-over duty shares with it on its own permit only")
    void one_receipt_records_one_database_handed_over() {
        ApplicationId a = permit();
        ApplicationId b = permit();
        String database = document("certificate database of permit A");
        String receipt = document("the ministry's signed receipt of permit A's certificate database");
        SignedCommandType<RecordCertificateDatabaseHandedOver> handOver = types.recordCertificateDatabaseHandedOver(claims);
        CommandContext first = signed();
        handOver.handle(new RecordCertificateDatabaseHandedOver(a, database, receipt), first);
        conflictRefusedAs(refused(handOver, new RecordCertificateDatabaseHandedOver(b, database, receipt), signed()),
                "document.already-grounds-another-act", "receiptSha256", "002 art. 29.3");
        assertThat(holderOf(receipt)).as("still permit A's hand-over's").isEqualTo(first.commandId());
        assertThat(refused(handOver, new RecordCertificateDatabaseHandedOver(a, database, receipt), signed()))
                .as("the same permit's hand-over: its aggregate decides (handed over already)").isNull();

        assertThat(refused(types.recordPermitDutyFulfilled(claims), new RecordPermitDutyFulfilled(a, PermitDuty.HAND_OVER_DATABASE, receipt),
                signed())).as("29.3: permit A's hand-over duty on its own receipt").isNull();
        conflictRefusedAs(refused(types.recordPermitDutyFulfilled(claims), new RecordPermitDutyFulfilled(b, PermitDuty.HAND_OVER_DATABASE, receipt),
                signed()), "document.claimed-by-another-act.certificate-database-receipt", "evidenceSha256", "002 art. 29.3");
        String contract = document("contract passing permit A's certificate database to permit C");
        types.passCertificateDatabaseOn(claims).handle(new PassCertificateDatabaseOn(a, permit(), contract), signed());
        conflictRefusedAs(refused(handOver, new RecordCertificateDatabaseHandedOver(b, database, contract), signed()),
                "document.claimed-by-another-act.certificate-database-contract", "receiptSha256", "002 art. 29.3");
    }

    @Test
    @DisplayName("002 art. 29.1.2, 29.1.3 (F328, was O185; ADR 0064): the document one permit's revocation rests on (the liquidation's "
            + "record, the finding of false documents), cited to revoke another permit, is refused (409 document.already-grounds-another-act, "
            + "field evidenceSha256), nothing claimed for it; the same permit's revocation again passes to its aggregate; another kind's "
            + "paper is refused across kinds; a revocation on a ground on record claims nothing")
    void one_document_grounds_one_permits_revocation() {
        ApplicationId a = permit();
        ApplicationId b = permit();
        String finding = document("the finding that permit A's holder submitted a forged audit report");
        SignedCommandType<RevokePermit> revoke = types.revokePermit(claims);
        CommandContext first = signed();
        revoke.handle(new RevokePermit(a, RevocationGround.FALSE_DOCUMENTS, "forged audit report", finding), first);
        conflictRefusedAs(refused(revoke, new RevokePermit(b, RevocationGround.LIQUIDATION, "liquidated", finding), signed()),
                "document.already-grounds-another-act", "evidenceSha256", "002 art. 29.1.2, 29.1.3");
        assertThat(holderOf(finding)).as("still permit A's revocation's").isEqualTo(first.commandId());
        assertThat(refused(revoke, new RevokePermit(a, RevocationGround.FALSE_DOCUMENTS, "forged audit report", finding), signed()))
                .as("the same permit's revocation: its aggregate decides (F329)").isNull();
        String contract = document("contract 2031/9 with the holder of permit B");
        types.issuePermit(claims).handle(new IssuePermit(b, "certificates", List.of("c"), null, contract), signed());
        conflictRefusedAs(refused(revoke, new RevokePermit(b, RevocationGround.FALSE_DOCUMENTS, "forged", contract), signed()),
                "document.claimed-by-another-act.permit-contract", "evidenceSha256", "002 art. 29.1.2, 29.1.3");
        long before = claimsOnDisk.countDocuments();
        revoke.handle(new RevokePermit(b, RevocationGround.REPEATED_VIOLATIONS, "two inspections found violations"), signed());
        assertThat(claimsOnDisk.countDocuments()).as("no document, no claim").isEqualTo(before);
    }

    @Test
    @DisplayName("002 art. 26.2.3, 26.7 (F219): the pair that shares (the insurance's policy and contract cited again at the issue) shares one "
            + "permit's papers: permit B issued on permit A's policy, or B's insurance recorded on A's contract, is refused naming the holder")
    void the_insurance_and_the_contract_share_one_permits_papers() {
        ApplicationId a = permit();
        ApplicationId b = permit();
        String policy = document("policy and contract of holder A");
        types.recordPermitInsurance(claims).handle(new RecordPermitInsurance(a, "Mongol Daatgal", "POL-1", Money.mnt(200_000_000),
                LocalDate.of(2035, 12, 29), policy), signed());
        assertThat(refused(types.issuePermit(claims), new IssuePermit(a, "certificates", List.of("c"), null, policy), signed()))
                .as("26.2.3, 26.7: permit A issued on its own insurance's contract").isNull();
        conflictRefusedAs(refused(types.issuePermit(claims), new IssuePermit(b, "certificates", List.of("c"), null, policy), signed()),
                "document.claimed-by-another-act.insurance-policy", "contractSha256", "002 art. 26.7");

        String contract = document("contract 2031/9 of holder A");
        types.issuePermit(claims).handle(new IssuePermit(a, "certificates", List.of("c"), null, contract), signed());
        conflictRefusedAs(refused(types.recordPermitInsurance(claims), new RecordPermitInsurance(b, "Mongol Daatgal", "POL-2", Money.mnt(200_000_000),
                LocalDate.of(2035, 12, 29), contract), signed()), "document.claimed-by-another-act.permit-contract", "proofSha256", "002 art. 26.2.3");
    }

    @Test
    @DisplayName("002 art. 27.7, 28.3, 29.3 (choice, ADR 0057 session 20 item 1, F220, was O127): the letter one permit's duty was done on "
            + "grounds that permit's duties only: a duty of the same permit and article on it passes to its aggregate (session 21, O129); permit B's duty recorded done "
            + "on permit A's letter is refused (409 document.already-grounds-another-act, field evidenceSha256, the duty's article), the claim "
            + "left as it was")
    void a_duty_letter_grounds_one_permits_duties() {
        ApplicationId a = permit();
        ApplicationId b = permit();
        String letter = document("holder A's letter to its certificate holders and the tax authority");
        SignedCommandType<RecordPermitDutyFulfilled> duty = types.recordPermitDutyFulfilled(claims);
        duty.handle(new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, letter), signed());
        assertThat(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, letter), signed()))
                .as("27.7: permit A's duty of the same article on the same letter").isNull();
        conflictRefusedAs(refused(duty, new RecordPermitDutyFulfilled(b, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, letter), signed()),
                "document.already-grounds-another-act", "evidenceSha256", "002 art. 27.7");
        conflictRefusedAs(refused(duty, new RecordPermitDutyFulfilled(b, PermitDuty.HAND_OVER_DATABASE, letter), signed()),
                "document.already-grounds-another-act", "evidenceSha256", "002 art. 29.3");
        Document claim = claimsOnDisk.find(com.mongodb.client.model.Filters.eq("_id", letter)).first();
        assertThat(claim.getString("grounds")).as("still permit A's duties' of 27.7").isEqualTo("permit:" + a.value() + "#002 art. 27.7");
        assertThat(claim.getString("kind")).isEqualTo("duty-evidence");
    }

    @Test
    @DisplayName("002 art. 27.7, 28.3, 29.3 (session 21, was O129; the lead's reading): the holder's notice to its certificate holders (27.7) "
            + "is not the evidence of the same permit's duty under another article, nor the receipt of its database handed over; 28.3's "
            + "letters of one permit may show its duties of that article, and the receipt the hand-over duty's evidence (29.3)")
    void a_duty_letter_grounds_one_permits_duties_of_one_article() {
        ApplicationId a = permit();
        String notice = document("holder A's notice to its certificate holders that its term will not be extended");
        SignedCommandType<RecordPermitDutyFulfilled> duty = types.recordPermitDutyFulfilled(claims);
        SignedCommandType<RecordCertificateDatabaseHandedOver> handOver = types.recordCertificateDatabaseHandedOver(claims);
        duty.handle(new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, notice), signed());
        conflictRefusedAs(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.HAND_OVER_DATABASE, notice), signed()),
                "document.evidences-a-duty-of-another-article", "evidenceSha256", "002 art. 29.3");
        conflictRefusedAs(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_SUSPENSION, notice), signed()),
                "document.evidences-a-duty-of-another-article", "evidenceSha256", "002 art. 28.3");
        conflictRefusedAs(refused(handOver, new RecordCertificateDatabaseHandedOver(a, document("database of A"), notice), signed()),
                "document.claimed-by-another-act.duty-evidence", "receiptSha256", "002 art. 29.3");
        assertThat(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, notice), signed()))
                .as("27.7 again: its aggregate judges it").isNull();
        Document claim = claimsOnDisk.find(com.mongodb.client.model.Filters.eq("_id", notice)).first();
        assertThat(claim.getString("grounds")).isEqualTo("permit:" + a.value() + "#002 art. 27.7");

        String letters = document("the ministry's letters to holder A and to the tax authority of A's suspension");
        duty.handle(new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_SUSPENSION, letters), signed());
        assertThat(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_SUSPENSION, letters), signed()))
                .as("28.3: one permit's letters of one article").isNull();

        String receipt = document("the ministry's receipt of A's certificate database");
        handOver.handle(new RecordCertificateDatabaseHandedOver(a, document("database of A, handed over"), receipt), signed());
        assertThat(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.HAND_OVER_DATABASE, receipt), signed()))
                .as("29.3: the lawful pair (ADR 0057)").isNull();
        conflictRefusedAs(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, receipt), signed()),
                "document.claimed-by-another-act.certificate-database-receipt", "evidenceSha256", "002 art. 27.7");
    }

    @Test
    @DisplayName("002 art. 27.7, 28.3, 29.3 (session 21, O129): a duty's letter claimed before it named the article (permit:<id>) keeps its "
            + "meaning: the permit's duties of every article, and its database's receipt, as before; adopted, it keeps its grounds")
    void a_duty_letter_claimed_before_the_article_is_honoured_as_it_was() {
        ApplicationId a = permit();
        String letter = document("holder A's letter, claimed by a release before session 21");
        claimsOnDisk.insertOne(new Document("_id", letter).append("kind", "duty-evidence").append("commandId", DocumentClaims.BACKFILL + ":3")
                .append("claimedAt", AT.toString()).append("grounds", "permit:" + a.value()));
        SignedCommandType<RecordPermitDutyFulfilled> duty = types.recordPermitDutyFulfilled(claims);
        assertThat(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.NOTIFY_SUSPENSION, letter), signed())).isNull();
        assertThat(refused(duty, new RecordPermitDutyFulfilled(a, PermitDuty.HAND_OVER_DATABASE, letter), signed())).isNull();
        assertThat(refused(types.recordCertificateDatabaseHandedOver(claims), new RecordCertificateDatabaseHandedOver(a, document("database of A"),
                letter), signed())).isNull();
        conflictRefusedAs(refused(duty, new RecordPermitDutyFulfilled(permit(), PermitDuty.NOTIFY_SUSPENSION, letter), signed()),
                "document.already-grounds-another-act", "evidenceSha256", "002 art. 28.3");
        assertThat(claimsOnDisk.find(com.mongodb.client.model.Filters.eq("_id", letter)).first().getString("grounds"))
                .isEqualTo("permit:" + a.value());
    }

    @Test
    @DisplayName("ADR 0057, session 19: a claiming act makes one insert (one round trip) in the usual case; a resend of the same command "
            + "finds its own claim")
    void one_claim_one_insert() {
        ApplicationId a = permit();
        String proof = document("stamp duty paid for permit A's extension");
        CommandContext extension = signed();
        roundTrips.clear();
        types.requestPermitExtension(claims).handle(new RequestPermitExtension(a, proof), extension);
        assertThat(roundTrips).as("the registry's round trips for the claim").isEqualTo(Map.of("insert", 1));

        String policy = document("policy of holder A");
        CommandContext insurance = signed();
        roundTrips.clear();
        types.recordPermitInsurance(claims).handle(new RecordPermitInsurance(a, "Mongol Daatgal", "POL-1", Money.mnt(200_000_000),
                LocalDate.of(2035, 12, 29), policy), insurance);
        assertThat(roundTrips).as("the insurance too (it read its kind's collection first before)").isEqualTo(Map.of("insert", 1));

        roundTrips.clear();
        types.requestPermitExtension(claims).handle(new RequestPermitExtension(a, proof), extension);
        assertThat(roundTrips).as("the same command again: the insert answers a duplicate key, the read finds its own claim")
                .isEqualTo(Map.of("insert", 1, "find", 1));
    }
}
