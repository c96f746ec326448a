package mn.registry.standalone.browser;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29, identity round 12, on the supervisor's desk in both languages with axe. ADR 0061 item 44 (abuse audit F503, was O291): the
 * enrolment form names the represented company's state registration number; a representative of a company is enrolled on its power of
 * representation naming it, and another company's representative on that same paper is refused on the page, in the page's language.
 * Item 45 (F504, was O314): the end of a role states the other persons its order concerns when first cited; each is ended on it, another
 * person is refused on the page.
 */
@BrowserTest
class IdentityRound12BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static Path document(String words) {
        try {
            Path file = Files.createTempFile("power-", ".pdf");
            Files.writeString(file, "%PDF-1.4\n" + words + " " + System.nanoTime() + "\n%%EOF\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SigningIdentity representative(String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return registry.context.getBean(mn.registry.keystore.RegistryKeys.class).ca().newPerson(new PersonId(id), "Representative " + id,
                "Company of " + id, now.minusSeconds(3600), now.plus(365, ChronoUnit.DAYS));
    }

    /** Fills the enrolment form for {@code who} as the representative of {@code company} on {@code power}; {@code power} null keeps the hash typed. */
    private static void fillEnrolment(SigningIdentity who, String company, Path power) {
        browser.find("#enr-person").clear();
        browser.find("#enr-person").sendKeys(who.person().value());
        browser.find("#enr-certificate").clear();
        browser.find("#enr-certificate").sendKeys(Certificates.toPem(List.of(who.chain().get(0))));
        new Select(browser.find("#enr-role")).selectByValue("APPLICANT");
        browser.find("#enr-company").clear();
        browser.find("#enr-company").sendKeys(company);
        if (power != null) {
            browser.find("#enr-document").clear();
            browser.find("#enr-file").sendKeys(power.toAbsolutePath().toString());
            browser.waitUntil("the power hashed", d -> d.findElement(By.id("enr-document")).getAttribute("value").length() == 64);
        }
    }

    @Test
    @DisplayName("001 art. 23.1.1, 002 art. 20.3.3 (ADR 0061 item 44, abuse audit F503, was O291): the supervisor enrols a company's "
            + "representative naming the company on the desk, in Mongolian and in English with axe; another company's representative on the "
            + "same power of representation is refused on the page in its language, nothing enrolled")
    void supervisor_names_the_representatives_company_on_the_desk() {
        browser.signInAsDemo("supervisor-1");
        String[][] cases = {{"mn", "6129201", "6129202", "өөр компанийн төлөөлөгчийг бүртгэсэн"},
                {"en", "6129203", "6129204", "another company's representative"}};
        for (String[] c : cases) {
            String lang = c[0];
            browser.open("/desk", lang);
            assertThat(browser.find("label[for=enr-company]").getText()).contains("mn".equals(lang) ? "улсын бүртгэлийн дугаар"
                    : "state registration number");
            SigningIdentity first = representative("applicant-29" + lang + "a");
            Path power = document("power of representation of " + c[1] + " for " + first.person().value());
            fillEnrolment(first, c[1], power);
            String shown = browser.signAndSend("form-enrol-signer");
            assertThat(shown).contains("\"role\":\"APPLICANT\"").contains("\"company\":\"" + c[1] + "\"");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");

            browser.open("/desk", lang); // a fresh page: the answer shown is the next command's
            SigningIdentity second = representative("applicant-29" + lang + "b");
            fillEnrolment(second, c[2], power);
            browser.signAndSend("form-enrol-signer");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
            assertThat(browser.find("#command-result").getText()).contains(c[3]);
            browser.axe();
            browser.consoleErrors(); // the refused command's 4xx answer is logged by the browser
            assertThat(registry.context.getBean(mn.registry.infrastructure.identity.IdentityDirectory.class).isEnrolled(second.person()))
                    .as("nothing enrolled").isFalse();
        }
        browser.signOut();
    }

    private static SigningIdentity reviewer(String id) {
        SigningIdentity who = representative(id);
        registry.context.getBean(mn.registry.identity.command.Enrolment.class).enrolIfAbsent(who.person(), "Reviewer " + id, who.certificate(),
                mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, null, new PersonId("supervisor-1"), "test enrolment, session 29");
        return who;
    }

    /** Fills the end-of-role form for {@code who}'s reviewer's role on {@code order}, stating {@code others} (may be empty). */
    private static void fillEnd(SigningIdentity who, Path order, String others) {
        browser.find("#end-person").sendKeys(who.person().value());
        new Select(browser.find("#end-role")).selectByValue("MINISTRY_REVIEWER");
        browser.find("#end-file").sendKeys(order.toAbsolutePath().toString());
        browser.waitUntil("the order hashed", d -> d.findElement(By.id("end-document")).getAttribute("value").length() == 64);
        browser.find("#end-concerns").sendKeys(others);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 45, abuse audit F504, was O314): the supervisor ends two reviewers' roles on one order, its "
            + "first citation stating the second, on the desk in Mongolian and in English with axe; a third reviewer's end on that order is "
            + "refused on the page in its language, nothing ended")
    void supervisor_states_whom_an_order_concerns_on_the_desk() {
        browser.signInAsDemo("supervisor-1");
        for (String[] c : new String[][]{{"mn", "өөр хүмүүст хамаарах тушаал"}, {"en", "an order concerning other persons"}}) {
            String lang = c[0];
            SigningIdentity first = reviewer("reviewer-29" + lang + "a");
            SigningIdentity second = reviewer("reviewer-29" + lang + "b");
            SigningIdentity third = reviewer("reviewer-29" + lang + "c");
            Path order = document("order dismissing " + first.person().value() + " and " + second.person().value());
            browser.open("/desk", lang);
            assertThat(browser.find("label[for=end-concerns]").getText()).contains("mn".equals(lang) ? "хамаарах бусад хүмүүс" : "Other persons");
            fillEnd(first, order, second.person().value());
            assertThat(browser.signAndSend("form-end-role")).contains("\"orderConcerns\":[\"" + second.person().value() + "\"]");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");

            browser.open("/desk", lang);
            fillEnd(third, order, "");
            browser.signAndSend("form-end-role");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
            assertThat(browser.find("#command-result").getText()).contains(c[1]);
            browser.axe();
            browser.consoleErrors(); // the refused command's 4xx answer is logged by the browser

            browser.open("/desk", lang);
            fillEnd(second, order, "");
            browser.signAndSend("form-end-role");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
            assertThat(registry.context.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents("person-"
                    + third.person().value()).asStream().map(e -> e.getPayload())).as("the third's role not ended")
                    .noneMatch(mn.registry.kernel.identity.RoleRevoked.class::isInstance);
        }
        browser.signOut();
    }
}
