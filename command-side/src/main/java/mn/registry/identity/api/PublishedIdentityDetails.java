package mn.registry.identity.api;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.privacy.PersonalDetailsInText;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 002 art. 15.3, 30.1 (domain-rules §5; ADR 0015 items 4, 5 and 7): the two rules on what of an official's identity the registry publishes
 * for good, read by the acts that would publish it (F289: {@code EnrolSigner}; F290: {@code AppointGovernor}) and by the scan of what was
 * published before them ({@code PublishedPersonDetailsScan}, abuse audit O176).
 */
public final class PublishedIdentityDetails {

    // a civil registration number and a phone are both eight digits, so an id holding eight in a row is not published
    private static final Pattern EIGHT_DIGITS = Pattern.compile("[0-9]{8}");

    private PublishedIdentityDetails() {
    }

    /** Whether a person id holds eight digits in a row, as a civil registration number or a phone does (F289). */
    public static boolean personIdHoldsPersonalDetails(PersonId person) {
        return EIGHT_DIGITS.matcher(person.value()).find();
    }

    /** The first personal detail in a governor's name as enrolled (their certificate's common name), if any (F290). */
    public static Optional<PersonalDetailsInText.Finding> detailInTheName(String displayName) {
        return PersonalDetailsInText.first(displayName);
    }
}
