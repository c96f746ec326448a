package mn.registry.kernel.freezone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FreeZonePublicRecordsTest {

    static final RegistrationId ID = RegistrationId.of(ZoneId.of("altanbulag"), new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));

    @Test
    @DisplayName("domain-rules §5 (003 art. 12.5, 26.2): a deregistration is published with its ground, never with the tax clawback flag")
    void deregistration_is_public_without_the_tax_flag() {
        JsonNode payload = CanonicalJson.mapper().valueToTree(new RegistrationEvents.EntityDeregistered(ID, ID.zoneId(),
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", "no operations", Instant.parse("2027-12-01T02:00:00Z"), true, true,
                new PersonId("governor-altanbulag")));
        JsonNode published = FreeZonePublicRecords.mappers().get(RegistrationEvents.EntityDeregistered.class.getName()).apply(payload).orElseThrow();
        assertThat(published.has("taxClawbackDue")).isFalse();
        assertThat(published.path("ground").asText()).isEqualTo("NOT_STARTED_WITHIN_ONE_YEAR");
        assertThat(payload.has("taxClawbackDue")).as("the sealed payload is untouched").isTrue();
    }

    @Test
    @DisplayName("domain-rules §5: zones, governors, registrations, deregistrations, land licences and revocations are public; applications and investments are not")
    void what_is_public() {
        assertThat(FreeZonePublicRecords.mappers()).containsKeys(ZoneEvents.ZoneEstablished.class.getName(), ZoneEvents.GovernorAppointed.class.getName(),
                RegistrationEvents.EntityRegistered.class.getName(), LandEvents.LandRightsGranted.class.getName(), LandEvents.LandRightsRevoked.class.getName());
        assertThat(FreeZonePublicRecords.mappers()).doesNotContainKeys(RegistrationEvents.ZoneRegistrationApplied.class.getName(),
                RegistrationEvents.InvestmentAgreementRecorded.class.getName(), RegistrationEvents.ZoneRegistrationRejected.class.getName());
    }

    @Test
    @DisplayName("domain-rules §5 (003 art. 22.5; ADR 0035 item 102): a certificate of land rights is published without its receipt's reference and without its document's hash")
    void land_certificate_is_public_without_its_receipt() {
        JsonNode payload = CanonicalJson.mapper().valueToTree(new LandEvents.LandLicenceIssued(ID.zoneId(), LandLicenceId.of(ID.zoneId(), 1), ID,
                mn.registry.kernel.money.Money.mnt(1_000_000), "TDB-2027-000100", Instant.parse("2027-12-01T02:00:00Z"),
                new PersonId("governor-altanbulag"), "a".repeat(64)));
        JsonNode published = FreeZonePublicRecords.mappers().get(LandEvents.LandLicenceIssued.class.getName()).apply(payload).orElseThrow();
        assertThat(published.has("receipt")).isFalse();
        assertThat(published.has("receiptSha256")).isFalse();
        assertThat(published.path("licenceId").isMissingNode()).isFalse();
        assertThat(payload.has("receiptSha256")).as("the sealed payload is untouched").isTrue();
    }
}
