package mn.registry.kernel.money;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.log.SealedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One money for both laws (ADR 0022): one validation, and the JSON of every stored event that carried money is unchanged. */
class MoneyTest {

    /** The stored form: Axon's Jackson serializer (no date timestamps), and the kernel's mapper. */
    private static final List<ObjectMapper> MAPPERS = List.of(CanonicalJson.mapper(),
            JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());

    @Test
    @DisplayName("002 art. 26.5, 003 art. 22.5: an amount is never negative, a careless official's -1 is refused")
    void a_negative_amount_is_refused() {
        assertThat(Money.mnt(0).amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> Money.mnt(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never negative");
        assertThatThrownBy(() -> new Money(new BigDecimal("-0.01"), "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(null, "MNT")).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("ISO 4217: a currency is a real three-letter code; a made-up or lower-case code is refused")
    void a_currency_is_an_iso_4217_code() {
        assertThat(new Money(1, "USD").currency()).isEqualTo("USD");
        assertThat(new Money(1, "CNY").currency()).isEqualTo("CNY");
        for (String wrong : new String[] {"mnt", "TUG", "MN", "MNTT", "", null}) {
            assertThatThrownBy(() -> new Money(1, wrong)).as(String.valueOf(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ISO 4217");
        }
    }

    @Test
    @DisplayName("002 art. 26.5: an insured amount is at least the minimum only in the same currency, whatever the scale")
    void comparisons_are_by_value_and_currency() {
        assertThat(Money.mnt(5_000_000).isAtLeast(Money.mnt(5_000_000))).isTrue();
        assertThat(new Money(new BigDecimal("5000000.00"), "MNT").isAtLeast(Money.mnt(5_000_000))).isTrue();
        assertThat(Money.mnt(4_999_999).isAtLeast(Money.mnt(5_000_000))).isFalse();
        assertThat(new Money(9_000_000, "USD").isAtLeast(Money.mnt(5_000_000))).as("dollars are not tögrög").isFalse();
        assertThat(Money.mnt(1000).sameAs(new Money(new BigDecimal("1000.0"), "MNT"))).isTrue();
        assertThat(Money.mnt(1000).sameAs(new Money(1000, "USD"))).isFalse();
        assertThat(Money.mnt(1000).moreThanZero()).isTrue();
        assertThat(Money.mnt(0).moreThanZero()).isFalse();
    }

    @Test
    @DisplayName("Stored events and commands of both old Money records read into the one Money and write the same bytes")
    void stored_samples_of_both_old_records_replay_with_identical_bytes() throws Exception {
        List<String[]> samples = samples();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(11);
        for (ObjectMapper mapper : MAPPERS) {
            for (String[] sample : samples) {
                Class<?> type = Class.forName(sample[0]);
                Object read = mapper.readValue(sample[1], type);
                String written = mapper.writeValueAsString(read);
                assertThat(written).as(sample[0] + ": stored bytes").isEqualTo(sample[1]);
                assertThat(CanonicalJson.canonicalizeValue(read)).as(sample[0] + ": canonical bytes")
                        .isEqualTo(CanonicalJson.canonicalize(sample[1]));
            }
        }
    }

    @Test
    @DisplayName("A new whole-tögrög amount writes the integer the old long Money wrote; a fraction stays as the old BigDecimal wrote it")
    void new_values_write_the_old_json() throws Exception {
        ObjectMapper mapper = CanonicalJson.mapper();
        assertThat(mapper.writeValueAsString(Money.mnt(5_000_000))).isEqualTo("{\"amount\":5000000,\"currency\":\"MNT\"}");
        assertThat(mapper.writeValueAsString(new Money(new BigDecimal("1000"), "MNT"))).isEqualTo("{\"amount\":1000,\"currency\":\"MNT\"}");
        assertThat(mapper.writeValueAsString(new Money(new BigDecimal("1250000.50"), "USD")))
                .isEqualTo("{\"amount\":1250000.50,\"currency\":\"USD\"}");
        assertThat(new String(CanonicalJson.canonicalizeValue(Money.mnt(45_000_000)), StandardCharsets.UTF_8))
                .isEqualTo("{\"amount\":45000000,\"currency\":\"MNT\"}");
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":-5,\"currency\":\"MNT\"}", Money.class))
                .as("a forged negative amount never enters through JSON").hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("003 art. 22.5: a land licence issued or land rights granted with the one Money publish the same record, leaf and seal envelope bytes as before")
    void public_bytes_of_new_events_are_unchanged() throws Exception {
        ObjectMapper mapper = CanonicalJson.mapper();
        ZoneId zone = new ZoneId("altanbulag");
        LandLicenceId licence = new LandLicenceId("altanbulag-L1");
        RegistrationId holder = new RegistrationId("altanbulag:mn-6123456");
        PersonId governor = new PersonId("governor-1");
        Object issued = new LandEvents.LandLicenceIssued(zone, licence, holder, Money.mnt(45_000_000), "R-9",
                Instant.parse("2026-04-01T04:00:00Z"), governor, null);
        Object granted = new LandEvents.LandRightsGranted(zone, licence, holder, "Lot 9", null, new BigDecimal("1.2500"), "amber workshop",
                LocalDate.of(2026, 4, 1), LocalDate.of(2036, 3, 31), LandCommands.AllocationMethod.AUCTION, Money.mnt(45_000_000),
                "Governor decision 2026/71", Instant.parse("2026-03-30T04:00:00Z"), governor, null);
        int compared = 0;
        for (Object event : List.of(issued, granted)) {
            String type = event.getClass().getName();
            String before = samples().stream().filter(x -> x[0].equals(type)).findFirst().orElseThrow()[1];
            String now = mapper.writeValueAsString(event);
            assertThat(now).as(type + ": stored payload").isEqualTo(before);
            SealedEvent old = sealed(type, before);
            SealedEvent fresh = sealed(type, now);
            assertThat(fresh.canonicalEnvelope()).as(type + ": what the seal is over").isEqualTo(old.canonicalEnvelope());
            ObjectNode oldRecord = PublicRecords.record(old, 42).orElseThrow();
            ObjectNode newRecord = PublicRecords.record(fresh, 42).orElseThrow();
            assertThat(PublicRecords.leafData(newRecord)).as(type + ": the log leaf").isEqualTo(PublicRecords.leafData(oldRecord));
            assertThat(newRecord.path("payload").toString()).contains("\"amount\":45000000,\"currency\":\"MNT\"");
            compared++;
        }
        assertThat(compared).isEqualTo(2);
    }

    private static SealedEvent sealed(String type, String payload) {
        String meta = "{\"commandId\":\"cmd-1\",\"signedBy\":\"governor-1\",\"jwsSha256\":\"" + "ef".repeat(32) + "\"}";
        return new SealedEvent("event-1", "ZoneLand", "altanbulag", 3, "2026-04-01T04:00:00Z", type, null, payload, meta, "00",
                "ab".repeat(32), "seal-test", "c2VhbA");
    }

    static List<String[]> samples() throws IOException {
        try (InputStream in = MoneyTest.class.getResourceAsStream("stored-before-one-money.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(" ", 2)).toList();
        }
    }
}
