package mn.registry.kernel.freezone;

import java.time.LocalDate;

/**
 * The certificate of a legal entity operating in a Free Zone (003 art. 12.2): valid only in {@code validOnlyIn},
 * which is part of the sealed event that issues it.
 */
public record ZoneCertificate(String number, RegistrationId registrationId, LegalEntity entity, Activity activity,
                              LocalDate issuedOn, ZoneId validOnlyIn) {
}
