package mn.registry.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.tlog.LogCollections;
import mn.registry.keystore.RegistryKeys;
import mn.registry.tlog.LogSource;
import mn.registry.publicregister.PublicRegisterFixtures;
import mn.registry.publicregister.RegisterSnapshot;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedMongoExtension.class)
class OpenDataExportTest {

    @Test
    @DisplayName("two exports at the same log size are identical byte for byte; the manifest's hashes and the seal's signature check out")
    void reproducible_and_signed(MongoDatabase db, @TempDir Path dir) throws Exception {
        PublicRegisterFixtures.writeLog(db, 25);
        RegistryKeys keys = RegistryKeys.openOrCreate(dir.resolve("keys"), Clock.systemUTC());
        LogSource log = new LogSource(db);
        RegisterSnapshot at30 = PublicRegisterFixtures.register(db).foldAt(30);
        OpenDataExport.write(dir.resolve("a"), at30, log, keys.seal());
        // the log grows meanwhile; the export at 30 does not change
        PublicRegisterFixtures.writeLog(db, 40);
        OpenDataExport.write(dir.resolve("b"), PublicRegisterFixtures.register(db).foldAt(30), log, keys.seal());
        for (String file : OpenDataExport.FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        JsonNode manifest = CanonicalJson.mapper().readTree(Files.readAllBytes(dir.resolve("a/manifest.json")));
        assertThat(manifest.path("logSize").asLong()).isEqualTo(30);
        assertThat(manifest.path("files").get(0).path("lines").asLong()).isEqualTo(30);
        for (JsonNode f : manifest.path("files")) {
            byte[] bytes = Files.readAllBytes(dir.resolve("a").resolve(f.path("name").asText()));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(f.path("sha256").asText());
        }
        String[] jws = Files.readString(dir.resolve("a/manifest.jws")).split("\\.");
        assertThat(Base64.getUrlDecoder().decode(jws[1])).isEqualTo(Files.readAllBytes(dir.resolve("a/manifest.json")));
        assertThat(Ed25519.verify(keys.seal().publicKey(), (jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(jws[2]))).isTrue();
        assertThat(new String(Base64.getUrlDecoder().decode(jws[0]), StandardCharsets.UTF_8)).contains("\"alg\":\"EdDSA\"").contains("x5c");
        assertThat(Files.readAllLines(dir.resolve("a/records.jsonl")).get(3))
                .isEqualTo(db.getCollection(LogCollections.ENTRIES).find(new org.bson.Document("_id", 3L)).first().getString(LogCollections.LEAF));
        assertThat(Files.readString(dir.resolve("a/register.jsonl"))).contains("\"kind\":\"PERMIT\"").contains("\"kind\":\"ENTITY\"");
    }
}
