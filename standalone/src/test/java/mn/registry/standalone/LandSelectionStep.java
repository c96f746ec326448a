package mn.registry.standalone;

import mn.registry.document.DocumentStore;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.money.Money;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 22.4, 22.5 (ADR 0035 items 130-133; abuse audit F541, was O364): the end-to-end step a grant received since session 31 rests on:
 * the result of the tender or auction that selected the application, its document uploaded first, recorded by the zone's governor at the
 * nominal value the grant will name. One step for every end-to-end and browser test that grants land.
 */
public final class LandSelectionStep {

    /** How a test sends a signed command as a person: its reply. */
    @FunctionalInterface
    public interface Sender {
        RegistryClient.Reply send(String person, String type, Object body);
    }

    private LandSelectionStep() {
    }

    /** The governor records that the tender or auction of {@code application} selected it at {@code value}; the result's SHA-256. */
    public static String selected(ApplicationContext registry, Sender sender, String governor, LandApplicationId application, Money value) {
        String words = "%PDF-1.4\nResult of the auction for " + application.value() + " at " + value.amount().toPlainString() + "\n%%EOF\n";
        String result = registry.getBean(DocumentStore.class).receive(words.getBytes(StandardCharsets.UTF_8), "application/pdf",
                "selection-result.pdf").document().sha256();
        RegistryClient.Reply reply = sender.send(governor, "RecordLandSelectionResult",
                new LandCommands.RecordLandSelectionResult(application.zoneId(), application, value, result));
        assertThat(reply.status()).as("RecordLandSelectionResult " + reply.body()).isEqualTo(200);
        return result;
    }

    /** As {@link #selected(ApplicationContext, Sender, String, LandApplicationId, Money)} for a running registry's demo governor. */
    static String selected(RunningRegistry registry, String governor, LandApplicationId application, Money value) {
        return selected(registry.context(), registry::command, governor, application, value);
    }
}
