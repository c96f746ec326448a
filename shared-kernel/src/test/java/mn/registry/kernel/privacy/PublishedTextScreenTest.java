package mn.registry.kernel.privacy;

import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DecidePermitExtension;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.kernel.permit.RefusePermitSuspensionRequest;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.permit.RestorePermit;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.TransferPermit;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * ADR 0013 §8, one abuse case per published field: an official (or an applicant) types a person's phone number, e-mail
 * address or civil registration number into text the registry publishes; the command is refused with the field's JSON path
 * and the article. The same command with clean text, and withheld text holding the same details, pass.
 */
class PublishedTextScreenTest {

    static final String PHONE = "утас 9911 2233";
    static final String E_MAIL = "bat.erdene@gmail.com";
    static final String CIVIL = "иргэн УБ99010112";
    static final ZoneId ZONE = ZoneId.of("altanbulag");
    static final LegalEntity AMBER = new LegalEntity("Khiagt Amber LLC", Jurisdiction.MONGOLIAN, null, "6301001");
    static final RegistrationId REGISTRATION = RegistrationId.of(ZONE, AMBER);
    static final GeoPolygon LOT = GeoPolygon.of(106.44, 50.315, 106.45, 50.315, 106.45, 50.32, 106.44, 50.32);
    static final ApplicationId APPLICATION = new ApplicationId("7d9c8a52-0f7e-4c1e-9d38-3f1f5b0f6a11");
    static final LocalDate DAY = LocalDate.of(2026, 3, 16);

    static Company company(String name, String address) {
        return new Company(name, "6301001", true, address);
    }

    /** Each published field, by its JSON path, and the command that carries {@code text} there. */
    static Map<String, Function<String, Object>> publishedFields() {
        Map<String, Function<String, Object>> fields = new LinkedHashMap<>();
        fields.put("conditions[1]", t -> new IssuePermit(APPLICATION, "Issuing signature certificates", List.of("Keep the database in Mongolia", t), null, "ab".repeat(32)));
        fields.put("activity", t -> new IssuePermit(APPLICATION, "Issuing signature certificates, " + t, List.of("c"), null, "ab".repeat(32)));
        fields.put("company.name", t -> new ApplyForPermit(company("Tamga " + t, "Ulaanbaatar"), false, List.of()));
        fields.put("company.address", t -> new ApplyForPermit(company("Tamga LLC", "Ulaanbaatar, " + t), false, List.of()));
        fields.put("company.registrationNumber", t -> new ApplyForPermit(new Company("Tamga LLC", t, true, "Ulaanbaatar"), false, List.of()));
        fields.put("successor.address", t -> new TransferPermit(APPLICATION, company("Tamga Holding LLC", t), Reorganisation.MERGER, "cd".repeat(32), java.time.LocalDate.of(2026, 11, 30),
                new mn.registry.kernel.identity.PersonId("applicant-of-tamga")));
        fields.put("entity.name", t -> new RegistrationCommands.ApplyForZoneRegistration(ZONE,
                new LegalEntity("Amber " + t, Jurisdiction.MONGOLIAN, null, "6301001"), Activity.TRADE, List.of()));
        fields.put("reasons", t -> new RegistrationCommands.DeregisterEntity(REGISTRATION, DeregistrationGround.COURT_DECISION, "Dissolved by the court; " + t));
        fields.put("purpose", t -> new LandCommands.ApplyForLandUse(ZONE, REGISTRATION, "Lot 9", LOT, "amber workshop, " + t, DAY, DAY.plusYears(5),
                LandCommands.AllocationMethod.AUCTION));
        fields.put("parcelName", t -> new LandCommands.GrantLandRights(ZONE, REGISTRATION, "Lot 9 " + t, LOT, "amber workshop", DAY, DAY.plusYears(5),
                LandCommands.AllocationMethod.AUCTION, Money.mnt(45_000_000), "Governor decision 2026/71", LandApplicationId.of(ZONE, 1)));
        fields.put("decision", t -> new LandCommands.GrantLandRights(ZONE, REGISTRATION, "Lot 9", LOT, "amber workshop", DAY, DAY.plusYears(5),
                LandCommands.AllocationMethod.AUCTION, Money.mnt(45_000_000), "Governor decision 2026/71, " + t, LandApplicationId.of(ZONE, 1)));
        fields.put("location", t -> new ZoneCommands.EstablishZone(ZONE, "Altanbulag", "Selenge, " + t, java.math.BigDecimal.TEN, LOT,
                List.of(Activity.TRADE), false, "Resolution 2026/12"));
        fields.put("resolution", t -> new ZoneCommands.EstablishZone(ZONE, "Altanbulag", "Selenge", java.math.BigDecimal.TEN, LOT,
                List.of(Activity.TRADE), false, "Resolution 2026/12 " + t));
        fields.put("decision ", t -> new ZoneCommands.AppointGovernor(ZONE, new PersonId("governor-2"), "Cabinet decision 2026/4 " + t, "d4".repeat(32)));
        fields.put("decision  ", t -> new ZoneCommands.CloseZoneTemporarily(ZONE, "Government decision 2026/9 " + t));
        fields.put("nameMn", t -> new PublicHolidayDeclared(DAY, "Election day", "Сонгуулийн өдөр " + t, "Government resolution 2026/31"));
        fields.put("decisionReference", t -> WorkingDayDeclared.workingDay(LocalDate.of(2026, 3, 21), "Government resolution 2026/31 " + t));
        fields.put("decisionReference ", t -> new YearConfirmed(2031, List.of(LocalDate.of(2031, 1, 23), LocalDate.of(2031, 1, 24),
                LocalDate.of(2031, 1, 25)), LocalDate.of(2031, 6, 5), LocalDate.of(2031, 11, 16), "Government resolution 2030/77 " + t));
        return fields;
    }

    @Test
    @DisplayName("002 art. 15.3: a phone, e-mail or civil number in any published field is refused, naming the field and the article")
    void personal_details_in_published_text_are_refused() {
        for (Map.Entry<String, Function<String, Object>> field : publishedFields().entrySet()) {
            for (String detail : List.of(PHONE, E_MAIL, CIVIL)) {
                Object body = field.getValue().apply(detail);
                RegistryProblem problem = catchThrowableOfType(() -> PublishedTextScreen.screen(body), RegistryProblem.class);
                assertThat(problem).as(field.getKey() + " with " + detail).isNotNull();
                assertThat(problem.code()).isEqualTo("privacy.personal-details-in-published-text");
                assertThat(problem.kind()).isEqualTo(RegistryProblem.Kind.INVALID);
                assertThat(problem.field()).as(body.getClass().getSimpleName()).isEqualTo(field.getKey().strip());
                assertThat(problem.article()).isEqualTo("002 art. 15.3, 30.1 (domain-rules §5)");
                assertThat(problem.getMessage()).as("the refusal does not repeat the detail").doesNotContain("9911", "gmail", "99010112");
            }
        }
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (abuse audit F193): a phone number, an e-mail address or a civil number split across a permit's "
            + "conditions (each condition clean on its own, the register showing them one after the other) is refused, naming the list; "
            + "conditions whose numbers only stand side by side as amounts, years and counts pass")
    void personal_details_split_across_a_lists_items_are_refused() {
        for (List<String> split : List.of(List.of("Call the holder's director on 9911", "2233 after hours"),
                List.of("Write to bat.erdene@", "gmail.com for the database"), List.of("The director, иргэн УБ990101", "12 signs the reports"))) {
            IssuePermit issue = new IssuePermit(APPLICATION, "Issuing signature certificates", split, null, "ab".repeat(32));
            RegistryProblem problem = catchThrowableOfType(() -> PublishedTextScreen.screen(issue), RegistryProblem.class);
            assertThat(problem).as(split.toString()).isNotNull();
            assertThat(problem.code()).isEqualTo("privacy.personal-details-in-published-text");
            assertThat(problem.field()).isEqualTo("conditions");
            assertThat(problem.article()).isEqualTo("002 art. 15.3, 30.1 (domain-rules §5)");
            assertThat(problem.getMessage()).as("the refusal does not repeat the detail").doesNotContain("9911", "gmail", "99010112");
        }
        assertThatCode(() -> PublishedTextScreen.screen(new IssuePermit(APPLICATION, "Issuing signature certificates", List.of(
                "Keep the database in Mongolia for 10 years", "Insure for 500 000 000 MNT", "Report by 31 December 2026",
                "2 inspections a year", "Serve 1 000 000 certificate holders"), null, "ab".repeat(32)))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("002 art. 30.1 (F69, was O83): a right-to-left override, an isolate, a mark or a control character in any published field (a permit's "
            + "condition, a company's name, a holiday's name, a Free Zone decision) is refused, naming the field; line breaks, tabs and letters of every script pass")
    void control_and_bidirectional_characters_in_published_text_are_refused() {
        for (Map.Entry<String, Function<String, Object>> field : publishedFields().entrySet()) {
            for (String hidden : List.of("\u202e dlrow", "a\u2066b\u2069", "\u200f", "\u061c", "\u0000", "\u001b[2J", "\u0085")) {
                Object body = field.getValue().apply(hidden);
                RegistryProblem problem = catchThrowableOfType(() -> PublishedTextScreen.screen(body), RegistryProblem.class);
                assertThat(problem).as(field.getKey() + " with U+" + Integer.toHexString(hidden.codePointAt(0))).isNotNull();
                assertThat(problem.code()).isEqualTo("privacy.published-text-has-control-characters");
                assertThat(problem.kind()).isEqualTo(RegistryProblem.Kind.INVALID);
                assertThat(problem.field()).as(body.getClass().getSimpleName()).isEqualTo(field.getKey().strip());
                assertThat(problem.article()).isEqualTo("002 art. 30.1 (domain-rules §5)");
            }
            assertThatCode(() -> PublishedTextScreen.screen(field.getValue().apply("line one\n\tline two, Сэлэнгэ, ᠮᠣᠩᠭᠣᠯ")))
                    .as(field.getKey() + " in plain text").doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("002 art. 26.4: a permit condition of 2,001 characters is refused, naming the condition; one of 2,000 (or 2,000 Mongolian script letters outside the BMP) passes")
    void a_condition_of_2001_characters_is_refused() {
        Function<String, Object> issue = t -> new IssuePermit(APPLICATION, "Issuing signature certificates", List.of("Keep the database in Mongolia", t), null, "ab".repeat(32));
        RegistryProblem problem = catchThrowableOfType(() -> PublishedTextScreen.screen(issue.apply("a".repeat(2_001))), RegistryProblem.class);
        assertThat(problem).as("a 2,001-character condition").isNotNull();
        assertThat(problem.code()).isEqualTo("privacy.published-text-too-long");
        assertThat(problem.kind()).isEqualTo(RegistryProblem.Kind.INVALID);
        assertThat(problem.field()).isEqualTo("conditions[1]");
        assertThat(problem.article()).isEqualTo("002 art. 26.4");
        assertThat(problem.getMessage()).contains("2001 characters", "2000");
        assertThatCode(() -> PublishedTextScreen.screen(issue.apply("a".repeat(2_000)))).doesNotThrowAnyException();
        assertThatCode(() -> PublishedTextScreen.screen(issue.apply("\uD83D\uDE00".repeat(2_000)))).as("2,000 code points, 4,000 chars").doesNotThrowAnyException();
    }

    @Test
    @DisplayName("002 art. 26.4: an official who pastes 256 KiB into any published field (a reason, a decision, a name) is refused, naming the field")
    void every_published_field_is_limited_to_2000_characters() {
        for (Map.Entry<String, Function<String, Object>> field : publishedFields().entrySet()) {
            Object body = field.getValue().apply("б".repeat(200_000));
            RegistryProblem problem = catchThrowableOfType(() -> PublishedTextScreen.screen(body), RegistryProblem.class);
            assertThat(problem).as(field.getKey()).isNotNull();
            assertThat(problem.code()).isEqualTo("privacy.published-text-too-long");
            assertThat(problem.field()).as(body.getClass().getSimpleName()).isEqualTo(field.getKey().strip());
        }
    }

    @Test
    @DisplayName("002 art. 15.3: the same acts with clean text, numbers, dates and article numbers pass")
    void clean_published_text_passes() {
        for (Map.Entry<String, Function<String, Object>> field : publishedFields().entrySet()) {
            for (String clean : List.of("see permit SP-2026-000001", "under 002 art. 27.1.3 from 2026-03-15", "fee 90 000 000 төгрөг", "")) {
                Object body = field.getValue().apply(clean);
                assertThatCode(() -> PublishedTextScreen.screen(body)).as(field.getKey() + " with " + clean).doesNotThrowAnyException();
            }
        }
    }

    @Test
    @DisplayName("002 art. 15.3, 29.1: withheld text (a revocation's reason, a refusal's reasons, a change report) keeps the details it needs")
    void withheld_text_is_accepted_with_personal_details() {
        String all = "Holder's director " + CIVIL + ", " + PHONE + ", " + E_MAIL;
        List<Object> withheld = List.of(
                new RevokePermit(APPLICATION, RevocationGround.FALSE_DOCUMENTS, all),
                new RestorePermit(APPLICATION, all),
                new RefusePermitApplication(APPLICATION, List.of(new RefusalReason(PermitRequirement.values()[0], all))),
                new DecidePermitExtension(APPLICATION, false, List.of(new RefusalReason(PermitRequirement.values()[0], all))),
                new RefusePermitSuspensionRequest(APPLICATION, all),
                new ReportPermitChange(APPLICATION, DAY, all, "ab".repeat(32)),
                new RegistrationCommands.RejectZoneRegistration(REGISTRATION, List.of(all)),
                new LandCommands.RefuseLandUse(ZONE, LandApplicationId.of(ZONE, 1), List.of(all)),
                new RegistrationCommands.RecordCourtDecision(REGISTRATION, all, DAY, false, "2".repeat(64)));
        for (Object body : withheld) {
            assertThatCode(() -> PublishedTextScreen.screen(body)).as(body.getClass().getSimpleName()).doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("002 art. 15.3: a foreign entity's own registration number (8 digits) is an identifier, not a phone")
    void foreign_registration_number_is_not_screened() {
        LegalEntity freight = new LegalEntity("Erlian Border Freight Co", Jurisdiction.FOREIGN, "CN", "91152599");
        assertThatCode(() -> PublishedTextScreen.screen(new RegistrationCommands.ApplyForZoneRegistration(ZONE, freight, Activity.TRADE, List.of())))
                .doesNotThrowAnyException();
        assertThat(PersonalDetailsInText.in("91152599")).as("the same digits as free text read as a phone").isTrue();
    }

    @Test
    @DisplayName("002 art. 15.3: the screen lists what it checks for a command: nested and listed text included")
    void published_fields_of_a_command() {
        assertThat(PublishedTextScreen.publishedFields(ApplyForPermit.class)).extracting(PublishedTextScreen.PublishedField::path)
                .containsExactly("company.name", "company.registrationNumber", "company.address");
        assertThat(PublishedTextScreen.publishedFields(IssuePermit.class)).extracting(PublishedTextScreen.PublishedField::path)
                .containsExactly("activity", "conditions[]");
        assertThat(PublishedTextScreen.publishedFields(RevokePermit.class)).isEmpty();
    }
}
