package mn.registry.kernel.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component of a signed command's body (a {@code String} or a list of them) that the registry publishes:
 * it becomes a field of a public record (the transparency log's leaf, the register, the feeds, open data, the public
 * bundle's disclosures) or must be repeated word for word by an act that does. A published record cannot be taken back
 * (001 art. 15.6), so {@link PublishedTextScreen} refuses such text when it holds a person's civil registration number,
 * phone number or e-mail address (002 art. 15.3, 30.1; domain-rules §5; ADR 0013 §8) before the command is carried out.
 * Text the public record withholds (a revocation's reason, a refusal's reasons) is not marked and is accepted as typed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PublishedText {
}
