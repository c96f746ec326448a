package mn.registry.freezone.land;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0035 item 18 (abuse audit F122, was O82): a land fee's receipt is claimed registry-wide, on the embedded MongoDB, by the
 * letters and digits that F84 compares: another zone's licence is refused, the same command again keeps its claim, a claim whose
 * command the log no longer holds is taken over, and the same licence's fee again is left to its land register.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class LandFeeReceiptClaimsTest {

    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");
    private static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    private static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    private static final LandLicenceId NORTH = new LandLicenceId("altanbulag-L1");
    private static final LandLicenceId SOUTH = new LandLicenceId("zamyn-uud-L1");

    private CommandLog commandLog;
    private LandFeeReceiptClaims claims;
    private MongoCollection<Document> claimed;

    @BeforeEach
    void start(MongoDatabase database) {
        commandLog = new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC));
        claims = new LandFeeReceiptClaims(database, commandLog);
        claimed = database.getCollection(LandFeeReceiptClaims.COLLECTION);
    }

    private String signed(String commandId) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "RecordLandFeePaid", "governor");
        return commandId;
    }

    private String holder(String key) {
        Document claim = claimed.find(Filters.eq("_id", key)).first();
        return claim == null ? null : claim.getString("commandId");
    }

    @Test
    @DisplayName("003 art. 22.5: a receipt claimed for a licence in one zone is refused for a licence in another, in another spelling; the same command keeps it")
    void another_zone_is_refused() {
        assertThat(claims.claim("KHAN-2026-7781", signed("cmd-1"), ALTANBULAG, NORTH, AT)).isEqualTo("KHAN20267781");
        assertThatThrownBy(() -> claims.claim("khan 2026 7781", signed("cmd-2"), ZAMYN_UUD, SOUTH, AT))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("freezone.receipt-used-already");
                    assertThat(p.field()).isEqualTo("receipt");
                    assertThat(p.article()).isEqualTo("003 art. 22.5");
                    assertThat(p.getMessage()).contains(NORTH.value()).contains("altanbulag");
                });
        assertThat(claims.claim("KHAN-2026-7781", "cmd-1", ALTANBULAG, NORTH, AT)).as("the same command again").isEqualTo("KHAN20267781");
        assertThat(holder("KHAN20267781")).isEqualTo("cmd-1");
        assertThat(claims.claim("  ", signed("cmd-3"), ZAMYN_UUD, SOUTH, AT)).as("no receipt: the land register refuses it").isNull();
    }

    @Test
    @DisplayName("003 art. 22.5: a refused fee releases its receipt; a claim whose command the log no longer holds is taken over")
    void released_and_stale_claims() {
        String key = claims.claim("TDB-1", signed("cmd-1"), ALTANBULAG, NORTH, AT);
        claims.release(key, "cmd-1");
        assertThat(holder("TDB1")).isNull();
        claims.claim("TDB-1", signed("cmd-2"), ALTANBULAG, NORTH, AT);
        commandLog.release("cmd-2", commandLog.find("cmd-2").orElseThrow().getString(CommandLog.LEASE_KEY)); // refused; its release lost
        assertThat(claims.claim("TDB-1", signed("cmd-3"), ZAMYN_UUD, SOUTH, AT)).isEqualTo("TDB1");
        assertThat(holder("TDB1")).isEqualTo("cmd-3");
    }

    @Test
    @DisplayName("003 art. 22.5: the same licence's fee again is left to its land register, and the issued fee adopts the receipt")
    void the_same_licence_again_is_the_land_registers() {
        claims.claim("TDB-9", signed("cmd-1"), ALTANBULAG, NORTH, AT);
        assertThat(claims.claim("TDB-9", signed("cmd-2"), ALTANBULAG, NORTH, AT)).isNull();
        assertThat(holder("TDB9")).isEqualTo("cmd-1");
        commandLog.release("cmd-1", commandLog.find("cmd-1").orElseThrow().getString(CommandLog.LEASE_KEY)); // cmd-1 refused after all
        claims.adopt("TDB-9", "cmd-2", ALTANBULAG, NORTH, AT);
        assertThat(holder("TDB9")).isEqualTo("cmd-2");
        claims.adopt("TDB-9", "cmd-4", ALTANBULAG, SOUTH, AT); // another licence's held claim is not taken by an adoption
        assertThat(holder("TDB9")).isEqualTo("cmd-2");
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (F163): the receipt's document a holder reports its fee with is claimed registry-wide: another zone's "
            + "licence is refused, the same command keeps it, a refused report releases it, the same licence again is left to its land register")
    void a_reported_receipt_reports_one_fee_in_the_registry() {
        String sha = "7c".repeat(32);
        assertThat(claims.claimReport(sha, signed("rep-1"), ALTANBULAG, NORTH, AT)).isEqualTo("SHA256:" + sha);
        assertThatThrownBy(() -> claims.claimReport(sha, signed("rep-2"), ZAMYN_UUD, SOUTH, AT))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("freezone.fee-receipt-reported-already");
                    assertThat(p.field()).isEqualTo("receiptSha256");
                    assertThat(p.article()).isEqualTo("003 art. 22.5");
                    assertThat(p.getMessage()).contains(NORTH.value()).contains("altanbulag");
                });
        assertThat(claims.claimReport(sha, "rep-1", ALTANBULAG, NORTH, AT)).as("the same command again").isEqualTo("SHA256:" + sha);
        assertThat(claims.claimReport(sha, signed("rep-3"), ALTANBULAG, NORTH, AT)).as("the same licence: its land register decides").isNull();
        assertThat(claims.claimReport("not a hash", signed("rep-4"), ZAMYN_UUD, SOUTH, AT)).as("malformed: the land register refuses it").isNull();
        claims.release("SHA256:" + sha, "rep-1");
        assertThat(claims.claimReport(sha, signed("rep-5"), ZAMYN_UUD, SOUTH, AT)).as("released: free for another").isEqualTo("SHA256:" + sha);
        assertThat(claims.claim(sha.toUpperCase(), signed("fee-1"), ALTANBULAG, NORTH, AT)).as("a receipt's text is another key").isNotNull();
    }
}
