package mn.registry.identity.command;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDetails;
import mn.registry.kernel.privacy.EncryptedPersonalData;

/**
 * Encrypts a person's name and certificate under the person's own key (ADR 0008), for a signed enrolment: called by the
 * person's stream only once every rule has passed, so that a refused enrolment leaves no key behind (ADR 0055).
 */
@FunctionalInterface
interface PersonalDataSealer {

    EncryptedPersonalData encrypt(PersonId person, PersonalDetails details);

    @org.springframework.context.annotation.Configuration
    class FromTheVault {
        @org.springframework.context.annotation.Bean
        PersonalDataSealer personalDataSealer(mn.registry.infrastructure.privacy.PersonalDataVault vault) {
            return vault::encrypt;
        }
    }
}
