package mn.registry.freezone.entity;

import mn.registry.document.UploadForAnAct;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.Role;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 item 76; abuse audit F380, was O198): a notice the governor uploads through a registration's
 * resumption form is uploaded for that resumption ({@code POST /api/documents?for=<registration>}), and the sweep of uncited documents keeps it
 * while the registration's aggregate could record a resumption on it ({@link ZoneRegistration#resumptionCouldRestOn}: operations interrupted,
 * the 12 months running, and after a court's dissolution the notice received before the court's day), no longer: the honest late resumption
 * (item 60) is no longer refused because the notice was swept after 7 days. Only a governor of the registration's zone names it; every
 * upload still counts against the quota, and a notice is kept at most until the 12 months, moved by the zone's closures, run out.
 */
@Component
class ResumptionNotices implements UploadForAnAct {

    private final GovernorActsNow registrations;

    ResumptionNotices(GovernorActsNow registrations) {
        this.registrations = registrations;
    }

    // 003 art. 8.7, 12.5.2: the governor records the resumption of an entity of the zone of their appointment, so only they upload for it
    @Override
    public boolean mayName(Actor uploader, String record) {
        return registration(record).filter(registration -> uploader.roles().contains(Role.ZONE_GOVERNOR)
                && uploader.zones().contains(registration.zoneId().value())).isPresent();
    }

    @Override
    public boolean stillCitable(String record, Instant receivedAt) {
        return registration(record).flatMap(registration -> registrations.judgedNow(registration,
                (aggregate, today) -> aggregate.resumptionCouldRestOn(receivedAt, today, registrations.services()))).orElse(false);
    }

    private static Optional<RegistrationId> registration(String record) {
        try {
            return Optional.of(new RegistrationId(record));
        } catch (IllegalArgumentException | NullPointerException notARegistration) {
            return Optional.empty();
        }
    }
}
