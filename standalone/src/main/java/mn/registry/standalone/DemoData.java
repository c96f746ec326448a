package mn.registry.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandPipeline;
import mn.registry.document.DocumentStore;
import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.RegistryProperties;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.keystore.DemoPeople;
import mn.registry.keystore.DemoPerson;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo mode ({@code registry.demo=true}, the default of registry.jar): at first start, creates the
 * demo people's keys and certificates, enrols them with their roles (as events), and files two
 * special-permit applications signed by the demo applicant, through the same signed-command
 * pipeline a person uses, so the reviewer queue has something in it; and the two Free Zones,
 * established, opened and given their governors by the demo Cabinet member.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final RegistryProperties properties;
    private final RegistryKeys keys;
    private final Enrolment enrolment;
    private final DocumentStore documents;
    private final CommandPipeline pipeline;
    private final MongoDatabase database;
    private final Clock clock;
    private final boolean anyCompanyApplicant;

    static final PersonId APPLICANT_1 = new PersonId("applicant-1");
    static final PersonId KHAN_SIGN_APPLICANT = new PersonId("applicant-khan-sign");

    /**
     * @param anyCompanyApplicant {@code registry.demo-applicant-names-no-company}: the end-to-end tests' registries, whose applicant-1
     *                            applies for each test's own company, enrol applicant-1 as a grant stored before session 29 was, naming
     *                            no company (ADR 0061 item 59; abuse audit O399); the demo itself (false, the default) names Tenger Trust
     */
    DemoData(RegistryProperties properties, RegistryKeys keys, Enrolment enrolment, DocumentStore documents, CommandPipeline pipeline,
             MongoDatabase database, Clock clock,
             @org.springframework.beans.factory.annotation.Value("${registry.demo-applicant-names-no-company:false}") boolean anyCompanyApplicant) {
        this.anyCompanyApplicant = anyCompanyApplicant;
        this.properties = properties;
        this.keys = keys;
        this.enrolment = enrolment;
        this.documents = documents;
        this.pipeline = pipeline;
        this.database = database;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    void load() {
        if (!properties.demo()) {
            return;
        }
        try {
            loadDemoData();
        } catch (RuntimeException e) {
            log.error("Demo mode: the demo data could not be loaded; the registry runs without it", e);
        }
    }

    private void loadDemoData() {
        Map<PersonId, SigningIdentity> people;
        try {
            people = DemoPeople.openOrCreate(properties.dataDir(), keys, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo people's keys", e);
        }
        int enrolled = 0;
        for (DemoPerson person : DemoPeople.ALL) {
            SigningIdentity identity = people.get(person.id());
            boolean done = anyCompanyApplicant && person.id().equals(APPLICANT_1)
                    ? enrolment.enrolRepresentativeOfAnyCompanyIfAbsent(person.id(), person.displayName(), identity.certificate(), null,
                            "demo enrolment at first start (a representative of any company, for the test suite)")
                    : enrolment.enrolIfAbsent(person.id(), person.displayName(), identity.certificate(), person.role(), person.zoneId(),
                            person.company(), null, "demo enrolment at first start");
            if (done) {
                enrolled++;
            }
        }
        if (enrolled > 0) {
            log.info("Demo mode: enrolled {} demo people with keys under {} ({})", enrolled, DemoPeople.directory(properties.dataDir()),
                    DemoPeople.ALL.stream().map(DemoData::whom).toList());
        }
        if (firstTime("permit-applications")) {
            // 002 art. 23.2 (ADR 0061 item 58, F540): each company's application is signed by its own representative
            apply(people.get(APPLICANT_1), new Company("Tenger Trust LLC", DemoPeople.TENGER_TRUST, true,
                    "Chinggis Avenue 15, Sükhbaatar district, Ulaanbaatar"), false);
            // the test suite's demo (item 59) files both as applicant-1, as before session 30: its tests act on both as applicant-1
            PersonId khanSign = anyCompanyApplicant ? APPLICANT_1 : KHAN_SIGN_APPLICANT;
            apply(people.get(khanSign), new Company("Khan Sign LLC", DemoPeople.KHAN_SIGN, true,
                    "Peace Avenue 44, Bayanzürkh district, Ulaanbaatar"), true);
            log.info("Demo mode: filed two special-permit applications, Tenger Trust LLC's signed by applicant-1 and Khan Sign LLC's by {} "
                    + "(sign in as each to act for that company); see GET /api/reviewer/applications", khanSign);
        }
        if (firstTime("free-zones")) {
            freeZones(people.get(new PersonId("cabinet-1")));
            log.info("Demo mode: cabinet-1 established and opened the Altanbulag and Zamyn-Uud free zones and appointed their governors");
        }
    }

    /** The demo zones' State Great Khural resolutions, as their establishments name them; each one's document reads "%PDF-1.4", it, "%%EOF". */
    public static final String ALTANBULAG_RESOLUTION = "State Great Khural resolution 2002/15 (demo)";
    public static final String ZAMYN_UUD_RESOLUTION = "State Great Khural resolution 2004/27 (demo)";

    /**
     * 003 art. 6.1, 6.4, 8.2: the two demo zones established, opened and given their governors, each act signed by cabinet-1. Each
     * establishment cites its resolution's document (ADR 0035 item 41); the resolutions' dates are not given (the seeds do not give them).
     */
    private void freeZones(SigningIdentity cabinet) {
        submit(cabinet, "EstablishZone", new ZoneCommands.EstablishZone(ZoneId.of("altanbulag"), "Altanbulag Free Trade Zone",
                "Altanbulag soum, Selenge aimag", new BigDecimal("500"), GeoPolygon.of(106.43, 50.31, 106.47, 50.31, 106.47, 50.33, 106.43, 50.33),
                List.of(Activity.TRADE, Activity.TOURISM, Activity.HOTEL, Activity.PRODUCTION, Activity.INFRASTRUCTURE), false,
                ALTANBULAG_RESOLUTION, null, pdf(ALTANBULAG_RESOLUTION)));
        submit(cabinet, "EstablishZone", new ZoneCommands.EstablishZone(ZoneId.of("zamyn-uud"), "Zamyn-Uud Free Economic Zone",
                "Zamyn-Üüd soum, Dornogovi aimag", new BigDecimal("900"), GeoPolygon.of(111.88, 43.70, 111.92, 43.70, 111.92, 43.73, 111.88, 43.73),
                List.of(Activity.TRADE, Activity.PRODUCTION, Activity.INFRASTRUCTURE), true, ZAMYN_UUD_RESOLUTION, null, pdf(ZAMYN_UUD_RESOLUTION)));
        for (String zone : List.of("altanbulag", "zamyn-uud")) {
            // 003 art. 6.4 (ADR 0035 item 27): the opening rests on the Government decision's document, received first
            String decision = "Government resolution on opening " + zone + " (demo)";
            submit(cabinet, "OpenZone", new ZoneCommands.OpenZone(ZoneId.of(zone), decision, pdf(decision)));
            // 003 art. 8.2 (ADR 0061 item 27): the appointment rests on the Cabinet member's decision's document, received first
            String appointment = "Cabinet member's order on the governor of " + zone + " (demo)";
            submit(cabinet, "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of(zone), new PersonId("governor-" + zone), appointment,
                    pdf(appointment)));
        }
    }

    /** A demo document received: "%PDF-1.4", its text, "%%EOF"; its SHA-256. */
    private String pdf(String text) {
        return documents.receive(("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf",
                text + ".pdf").document().sha256();
    }

    /** A demo person as the start's log lists them: id, role, and a representative's company (whom to sign in as for it). */
    static String whom(DemoPerson person) {
        return person.id() + " " + person.role() + (person.company() == null ? "" : " of " + person.organization() + " (" + person.company() + ")");
    }

    private void submit(SigningIdentity who, String type, Object body) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(body);
        pipeline.submit(new CommandSigner().sign(CommandEnvelope.fresh(type, json, clock), who));
    }

    private boolean firstTime(String what) {
        try {
            database.getCollection("demo_data").insertOne(new Document("_id", what).append("at", clock.instant().toString()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private void apply(SigningIdentity applicant, Company company, boolean holdsOtherPermit) {
        List<SubmittedDocument> submitted = new ArrayList<>();
        for (RequiredDocument kind : RequiredDocument.values()) {
            if (kind.requiredWhen(holdsOtherPermit)) {
                byte[] content = demoPdf(company.name() + ": " + kind.name() + " (" + kind.article() + ")");
                String sha256 = documents.receive(content, "application/pdf", kind.name().toLowerCase() + ".pdf").document().sha256();
                submitted.add(new SubmittedDocument(kind, sha256));
            }
        }
        ObjectNode body = CanonicalJson.mapper().valueToTree(new ApplyForPermit(company, holdsOtherPermit, submitted));
        String jws = new CommandSigner().sign(CommandEnvelope.fresh("ApplyForPermit", body, clock), applicant);
        pipeline.submit(jws);
    }

    /** A one-page PDF whose only text is {@code line}: enough to stand for a document in the demo. */
    static byte[] demoPdf(String line) {
        String text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String stream = "BT /F1 12 Tf 50 780 Td (" + text + ") Tj ET";
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
