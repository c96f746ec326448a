package mn.registry.standalone.browser;

import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.money.Money;
import mn.registry.standalone.RegistryClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up the tests of an entity's own people share ({@link EntityRepresentativePageBrowserTest}, {@link LandRepresentativeBrowserTest}):
 * a Mongolian entity registered in Altanbulag on the demo applicant-1's application, its land licence granted on a first land application
 * (on its auction's recorded result, F541) and a second application pending, all signed through the API; then a representative's grant of the applicant's role moved to another
 * company, as the supervisor records it.
 *
 * @param entity  the entity's registration
 * @param licence the land licence granted
 * @param pending the land application pending
 */
record EntityWithLand(RegistrationId entity, String licence, String pending) {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");

    /**
     * Registers {@code company} in Altanbulag (applicant-1 applies, the governor registers), applies for a parcel whose south edge is at
     * latitude {@code south} and grants it by {@code decision}, and applies for the parcel east of it, left pending.
     */
    static EntityWithLand registered(BrowserRegistry registry, LegalEntity company, double south, String decision) {
        LocalDate today = UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant());
        RegistrationId entity = new RegistrationId(GovernorDeskBrowserTest.apply(registry, company, ALTANBULAG.value()));
        send(registry, "governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(entity));
        String first = send(registry, "applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, entity, "Yard",
                parcel(106.45, south), "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION))
                .body().path("applicationId").asText();
        mn.registry.standalone.LandSelectionStep.selected(registry.context, (p, t, b) -> send(registry, p, t, b), "governor-altanbulag",
                new LandApplicationId(first), Money.mnt(30_000_000));
        String licence = send(registry, "governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, entity, "Yard",
                parcel(106.45, south), "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION, Money.mnt(30_000_000),
                decision, new LandApplicationId(first))).body().path("licenceId").asText();
        String pending = send(registry, "applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, entity, "Yard annex",
                parcel(106.455, south), "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION))
                .body().path("applicationId").asText();
        return new EntityWithLand(entity, licence, pending);
    }

    /**
     * {@code person}'s grant of the applicant's role naming {@code from} ends and one naming {@code to} is granted, both a second before the
     * registry's clock (a grant counts from the start of its second); {@code enrolmentHash} stands for the enrolment's document.
     */
    static void representsAnotherCompany(BrowserRegistry registry, PersonId person, String from, String to, String enrolmentHash) {
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        PersonId supervisor = new PersonId("supervisor-1");
        Instant now = registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        enrolment.revoke(new RoleRevoked(person, Role.APPLICANT, null, now, supervisor, "test: the representation of " + from + " ended"));
        enrolment.grant(new RoleGranted(person, Role.APPLICANT, null, now, supervisor, "test: represents " + to, enrolmentHash, to));
    }

    /** The entity's registration page. */
    String page() {
        return "/applicant/registrations/" + entity.value();
    }

    /** The licence's fee report form on {@link #page()}. */
    String report() {
        return "form.fee-report[data-licence='" + licence + "']";
    }

    /** The pending application's withdrawal form on {@link #page()}. */
    String withdrawal() {
        return "form.land-withdrawal[data-application='" + pending + "']";
    }

    /** The entity's row on the applicant's page. */
    String listed() {
        return "#registrations tr[data-registration='" + entity.value() + "']";
    }

    private static RegistryClient.Reply send(BrowserRegistry registry, String signer, String type, Object body) {
        RegistryClient.Reply reply = registry.client.command(registry.client.sign(signer, type, body));
        assertThat(reply.status()).as(type + " " + reply.body()).isEqualTo(200);
        return reply;
    }

    private static GeoPolygon parcel(double west, double south) {
        double north = java.math.BigDecimal.valueOf(south).add(new java.math.BigDecimal("0.002")).doubleValue(); // 50.325 + 0.002 is 50.327
        return GeoPolygon.of(west, south, west + 0.002, south, west + 0.002, north, west, north);
    }
}
