package mn.registry.freezone.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.PersonId;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reads a Free Zone registration as its applicant reads it (ADR 0013 §5; 003 art. 12.1-12.2, 12.5, 22.2): the
 * registrations whose application the signed-in person signed, and one with every decision on it and its reasons.
 */
@Component
public class ApplicantRegistrations {

    /** The processing group that writes what this reads: a page waits for it (ADR 0071). */
    public static final String WRITTEN_BY = ApplicantRegistrationProjection.PROCESSING_GROUP;


    /** The applicant's own acts: its applications are its receipts, not decisions told to it. */
    private static final Set<String> APPLICANT_ACTS = Set.of("ZoneRegistrationApplied", "LandUseApplied", "LandFeePaymentReported",
            "LandApplicationWithdrawn");

    private final MongoCollection<Document> registrations;
    /** When a reader's grant naming a company ceased to name it (ADR 0035 item 125; F527, was O413). */
    private final RepresentationEnded representationEnded;

    /**
     * 003 art. 12.1; 001 art. 23.1.1 (ADR 0035 item 125): the instant from which {@code person}'s grant of the applicant's role last ceased to
     * name {@code company}, read from their stream ({@link mn.registry.infrastructure.identity.IdentityDirectory#representationEnded}); empty
     * when none ever named it, or one names it still.
     */
    @FunctionalInterface
    interface RepresentationEnded {
        Optional<Instant> of(PersonId person, String company);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ApplicantRegistrations(MongoDatabase database, mn.registry.infrastructure.identity.IdentityDirectory directory) {
        this(database, directory::representationEnded);
    }

    ApplicantRegistrations(MongoDatabase database, RepresentationEnded representationEnded) {
        this.registrations = database.getCollection(ApplicantRegistrationProjection.COLLECTION);
        this.representationEnded = representationEnded;
    }

    /** The file's shape alone (tests): no reader's grant ever named the entity, so no signer's rounds are cut (item 125). */
    ApplicantRegistrations(MongoDatabase database) {
        this(database, (person, company) -> Optional.empty());
    }

    /**
     * 003 art. 12.1-12.2: the applicant is a person who signed an application for this registration (the registry links
     * a person to an entity only through that signature, ADR 0013 §5). One entity in one zone is always the same
     * registration, and nothing shows that a later applicant represents the same company as an earlier one (anyone can
     * apply in a company's name), so each person reads the rounds whose application they signed: from that application
     * to the next one, with every decision in between; unless their grant now names another company ({@link #readsTheRoundsTheySigned}, F554).
     */
    static boolean isTheApplicantOf(Document r, PersonId person) {
        return r != null && r.get("status") != null && person != null && r.getList("applicants", String.class, List.of()).contains(person.value());
    }

    /**
     * 003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (ADR 0035 item 111, the lead's reading, <b>choice</b>; abuse audit F533, was O377): a
     * representative whose grant of the applicant's role in force now names {@code company} (the session's, judged at each request; null:
     * none) reads the file of the Mongolian entity of that state registration number ({@code RegistrationId.mongolianRegistrationNumber}),
     * every round of it: the grant shows, as a signature on an application does not (ADR 0013 §5), that they represent it, and the land
     * register lets them act for it (item 103). A grant ended, or naming another company, names nothing: a foreign entity has no such number.
     */
    static boolean isTheEntitysRepresentative(Document r, String company) {
        return r != null && r.get("status") != null && company != null && mn.registry.kernel.freezone.RegistrationId.named(r.getString("_id"))
                .map(mn.registry.kernel.freezone.RegistrationId::mongolianRegistrationNumber).filter(company::equals).isPresent();
    }

    /**
     * 003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0035 item 122, the lead's simpler reading, <b>choice</b>; abuse audit F554, was O392):
     * a person whose grant of the applicant's role in force now names {@code company} (the session's, judged at each request) other than the
     * entity's Mongolian number (a foreign entity has none, so any company named is another) has ceased to represent it: F507 refuses their acts
     * for it, and they read nothing of its file, not even the rounds they signed (which would show the acts its new representative makes in
     * them). When they ceased is not read (the query side reads no person's stream): the file is closed to them whole. A grant naming none
     * (ended, or never granted) keeps ADR 0013 §5's older reading: the signer reads the rounds they signed.
     */
    static boolean representsAnotherCompanyNow(Document r, String company) {
        if (r == null || company == null) {
            return false;
        }
        String number = mn.registry.kernel.freezone.RegistrationId.named(r.getString("_id"))
                .map(mn.registry.kernel.freezone.RegistrationId::mongolianRegistrationNumber).orElse(null);
        return mn.registry.kernel.permit.Company.grantNamesAnother(company, number);
    }

    /** A signer reads the rounds they signed unless their grant in force now names another company (F554). */
    static boolean readsTheRoundsTheySigned(Document r, PersonId person, String company) {
        return isTheApplicantOf(r, person) && !representsAnotherCompanyNow(r, company);
    }

    /**
     * 003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0035 item 125, the lead's reading, <b>choice</b>; abuse audit F527, was O413): a
     * signer who is not the entity's representative now, whose grant of the applicant's role once named the Mongolian entity's number and
     * ceased to (ended, or replaced by one naming another company or none), reads the rounds they signed as they stood until then: the acts
     * received from that instant on (the entity's new representative's land applications, withdrawals and fee reports, the decisions on
     * them and on the registration) are not theirs to read, save in a round whose application they signed after it (their own, ADR 0013
     * §5). Null: nothing is cut (a signer whose grant never named the entity, a foreign entity, the representative in force).
     */
    Instant readsUntil(Document r, PersonId person) {
        String number = mn.registry.kernel.freezone.RegistrationId.named(r.getString("_id"))
                .map(mn.registry.kernel.freezone.RegistrationId::mongolianRegistrationNumber).orElse(null);
        return number == null ? null : representationEnded.of(person, number).orElse(null);
    }

    /** The registrations whose application {@code person} signed, in brief, by time of receipt of their latest round. */
    public List<Map<String, Object>> ofApplicant(PersonId person) {
        return ofApplicant(person, null);
    }

    /**
     * As {@link #ofApplicant(PersonId)}, and the registrations of the Mongolian entity whose number the grant of {@code person} in force now
     * names ({@code company}; null: none), in brief (ADR 0035 item 111; F533, was O377).
     */
    public List<Map<String, Object>> ofApplicant(PersonId person, String company) {
        List<Map<String, Object>> list = new ArrayList<>();
        Map<String, Document> found = new LinkedHashMap<>();
        registrations.find(eq("applicants", person.value())).forEach(r -> found.put(r.getString("_id"), r));
        if (company != null && company.matches("[0-9A-Za-z]{1,32}")) { // a number as the grant names it: nothing a pattern reads otherwise
            registrations.find(com.mongodb.client.model.Filters.regex("_id", "^[^:]+:mn-" + company + "$")).forEach(r -> found.put(r.getString("_id"), r));
        }
        for (Document r : found.values()) {
            boolean representative = isTheEntitysRepresentative(r, company);
            if (!representative && !readsTheRoundsTheySigned(r, person, company)) {
                continue;
            }
            Map<String, Object> page = view(r, person, representative, representative ? null : readsUntil(r, person));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("registrationId", page.get("registrationId"));
            row.put("zoneId", page.get("zoneId"));
            row.put("entityName", page.get("entity") instanceof Map<?, ?> entity ? entity.get("name") : null);
            for (String key : List.of("activity", "status", "receivedAt", "receivedAtUlaanbaatar", "certificateNumber")) {
                row.put(key, page.get(key));
            }
            list.add(row);
        }
        list.sort(Comparator.comparing(row -> Instant.parse(String.valueOf(row.get("receivedAt")))));
        return list;
    }

    /**
     * One registration as its applicant reads it: entity, zone, activity, status, the time of receipt of each of its
     * applications (UTC and Ulaanbaatar), the certificate number once registered, the reasons of a rejection, the
     * ground, article and reasons of a deregistration, each land-use application with its decision, and
     * {@code decisions}: every act in its rounds it did not sign, with its full content, time and signer. Empty when
     * it is not {@code person}'s or does not exist: the two are not told apart.
     */
    public Optional<Map<String, Object>> forApplicant(String registrationId, PersonId person) {
        return forApplicant(registrationId, person, null);
    }

    /**
     * As {@link #forApplicant(String, PersonId)}, and to a representative whose grant in force now names the Mongolian entity's number
     * ({@code company}; null: none), every round of the entity's registration (ADR 0035 item 111, the lead's reading, <b>choice</b>; abuse
     * audit F533, was O377): the persons who signed the rounds' applications other than the reader are shown as the entity's earlier
     * representative, their person ids withheld (ADR 0013 §5: a person's id is their own). Empty when neither holds, and to a signer whose
     * grant in force now names another company (F554, item 122: {@link #representsAnotherCompanyNow}).
     */
    public Optional<Map<String, Object>> forApplicant(String registrationId, PersonId person, String company) {
        Document r = registrations.find(eq("_id", registrationId)).first();
        boolean representative = isTheEntitysRepresentative(r, company);
        if (!representative && !readsTheRoundsTheySigned(r, person, company)) {
            return Optional.empty();
        }
        return Optional.of(view(r, person, representative, representative ? null : readsUntil(r, person)));
    }

    /**
     * The page of the rounds {@code person} reads: those whose application they signed, or every round when {@code everyRound} (the entity's
     * representative by grant, F533); an application another person signed is shown as the entity's earlier representative's, no id. From
     * {@code until} on (null: never) only a round whose application the reader signed then or later is shown (item 125: {@link #readsUntil}),
     * and the page says until when it reads ({@code readUntil}).
     */
    private static Map<String, Object> view(Document r, PersonId person, boolean everyRound, Instant until) {
        List<Document> history = new ArrayList<>(r.getList("history", Document.class, List.of()));
        history.addAll(r.getList("landHistory", Document.class, List.of()));
        // by legal time (an instant, not its text: "...00Z" is before "...00.5Z"); the sort is stable, so acts of one instant keep their order
        history.sort(Comparator.comparing(h -> Instant.parse(h.getString("at"))));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("registrationId", r.getString("_id"));
        page.put("zoneId", r.getString("zoneId"));
        List<Map<String, Object>> applications = new ArrayList<>();
        List<Map<String, Object>> decisions = new ArrayList<>();
        Map<String, Map<String, Object>> land = new LinkedHashMap<>();
        boolean ownRound = false;
        boolean signedAfterTheEnd = false;
        for (Document h : history) {
            String type = h.getString("type");
            Document event = h.get("event", Document.class);
            String at = h.getString("at");
            boolean afterTheEnd = until != null && !Instant.parse(at).isBefore(until);
            if ("ZoneRegistrationApplied".equals(type)) {
                ownRound = everyRound || person.value().equals(h.getString("signedBy"));
                signedAfterTheEnd = afterTheEnd && person.value().equals(h.getString("signedBy"));
            }
            if (!ownRound || afterTheEnd && !signedAfterTheEnd) {
                continue;
            }
            switch (type) {
                case "ZoneRegistrationApplied" -> {
                    Map<String, Object> application = new LinkedHashMap<>();
                    application.put("receivedAt", at);
                    application.put("receivedAtUlaanbaatar", inUlaanbaatar(at));
                    application.put("reviewDue", event.get("reviewDue"));
                    boolean theReaders = person.value().equals(h.getString("signedBy"));
                    application.put("signedBy", theReaders ? h.getString("signedBy") : null); // F533: another person's id is theirs (ADR 0013 §5)
                    application.put("signedByTheReader", theReaders);
                    applications.add(application);
                    page.put("entity", event.get("entity"));
                    page.put("activity", event.get("activity"));
                    page.put("status", "APPLIED");
                    page.put("receivedAt", at);
                    page.put("receivedAtUlaanbaatar", inUlaanbaatar(at));
                    page.put("reviewDue", event.get("reviewDue"));
                    // a new round: the earlier round's outcome is history, not the current state
                    page.remove("rejection");
                    page.remove("deregistration");
                    page.remove("certificateNumber");
                    page.remove("certificateIssuedOn");
                }
                case "ZoneRegistrationReviewDueRecomputed" -> page.put("reviewDue", event.get("reviewDue"));
                case "EntityRegistered" -> {
                    page.put("status", "REGISTERED");
                    Object certificate = event.get("certificate");
                    if (certificate instanceof Map<?, ?> c) {
                        page.put("certificateNumber", c.get("number"));
                        page.put("certificateIssuedOn", c.get("issuedOn"));
                    }
                }
                case "ZoneRegistrationRejected" -> {
                    page.put("status", "REJECTED");
                    page.put("rejection", Map.of("reasons", event.get("reasons"), "at", at, "atUlaanbaatar", inUlaanbaatar(at)));
                }
                case "EntityDeregistered" -> {
                    page.put("status", "DEREGISTERED");
                    Map<String, Object> deregistration = new LinkedHashMap<>();
                    deregistration.put("ground", event.get("ground"));
                    deregistration.put("article", event.get("article"));
                    deregistration.put("reasons", event.get("reasons"));
                    deregistration.put("at", at);
                    deregistration.put("atUlaanbaatar", inUlaanbaatar(at));
                    page.put("deregistration", deregistration);
                }
                case "LandUseApplied" -> {
                    Map<String, Object> application = land.computeIfAbsent(String.valueOf(event.get("applicationId")), k -> new LinkedHashMap<>());
                    application.put("applicationId", event.get("applicationId"));
                    application.put("parcelName", event.get("parcelName"));
                    application.put("areaHectares", event.get("areaHectares"));
                    application.put("purpose", event.get("purpose"));
                    application.put("from", event.get("from"));
                    application.put("until", event.get("until"));
                    application.put("receivedAt", at);
                    application.put("receivedAtUlaanbaatar", inUlaanbaatar(at));
                    application.putIfAbsent("status", "PENDING");
                }
                case "LandUseRefused" -> decided(land, event.get("applicationId"), "REFUSED", at).put("reasons", event.get("reasons"));
                case "LandApplicationWithdrawn" -> decided(land, event.get("applicationId"), "WITHDRAWN", at);
                case "LandRightsGranted" -> {
                    if (event.get("applicationId") != null) {
                        Map<String, Object> granted = decided(land, event.get("applicationId"), "GRANTED", at);
                        granted.put("licenceId", event.get("licenceId"));
                        granted.put("feeDueBy", event.get("feeDueBy")); // ADR 0035 items 20, 22: the last day to pay, or to report paid
                        granted.put("nominalValue", event.get("nominalValue"));
                        granted.put("licenceStatus", "FEE_DUE");
                    }
                }
                case "LandLicenceIssued" -> licence(land, event.get("licenceId")).ifPresent(l -> l.put("licenceStatus", "ISSUED"));
                case "LandRightsRevoked" -> licence(land, event.get("licenceId")).ifPresent(l -> l.put("licenceStatus", "REVOKED"));
                case "LandRightsLapsed" -> licence(land, event.get("licenceId")).ifPresent(l -> l.put("licenceStatus", "LAPSED"));
                case "LandFeePaymentReported" -> licence(land, event.get("licenceId")).ifPresent(l -> l.put("licenceStatus", "FEE_REPORTED"));
                default -> {
                }
            }
            if (!APPLICANT_ACTS.contains(type) && !person.value().equals(h.getString("signedBy"))) {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("type", type);
                decision.put("at", at);
                decision.put("atUlaanbaatar", inUlaanbaatar(at));
                decision.put("signedBy", h.getString("signedBy"));
                decision.put("content", event);
                decisions.add(decision);
            }
        }
        if (until != null && !signedAfterTheEnd) { // the page as it stood at the end (a later round of their own is theirs whole)
            page.put("readUntil", until.toString());
            page.put("readUntilUlaanbaatar", inUlaanbaatar(until.toString()));
        }
        page.put("applications", applications);
        page.put("landApplications", new ArrayList<>(land.values()));
        page.put("decisions", decisions);
        return page;
    }

    /** The land application whose grant made {@code licenceId}, if this page holds it. */
    private static Optional<Map<String, Object>> licence(Map<String, Map<String, Object>> land, Object licenceId) {
        return land.values().stream().filter(a -> licenceId != null && licenceId.equals(a.get("licenceId"))).findFirst();
    }

    private static Map<String, Object> decided(Map<String, Map<String, Object>> land, Object applicationId, String status, String at) {
        Map<String, Object> application = land.computeIfAbsent(String.valueOf(applicationId), k -> new LinkedHashMap<>(Map.of("applicationId",
                String.valueOf(applicationId))));
        application.put("status", status);
        application.put("decidedAt", at);
        application.put("decidedAtUlaanbaatar", inUlaanbaatar(at));
        return application;
    }

    /** An ISO instant as the local date and time in Asia/Ulaanbaatar with its offset, e.g. "2026-11-20T09:30+08:00". */
    static String inUlaanbaatar(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return Instant.parse(instant).atZone(UlaanbaatarTime.ZONE).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
