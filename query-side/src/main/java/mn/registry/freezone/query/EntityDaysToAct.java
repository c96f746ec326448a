package mn.registry.freezone.query;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 003 art. 12.5.1, 12.5.2 (ADR 0035 items 93, 95, 96; abuse audit F460, F471, F472): the days that run against the entity of its applicant's file
 * ({@link ApplicantRegistrations#forApplicant}), as the governor's desk shows them ({@link GovernorDesk#daysToAct}), each with the day in
 * Ulaanbaatar the registry raised its ground in the file's latest round, once raised (the file's own decisions: the raise is the registry's act
 * told to the entity). One reading for the entity's page and its API answer. None in a file read until a former representative ceased
 * ({@code readUntil}, ADR 0035 item 125): the days run against the entity now, told to its representative now.
 */
@Component
public class EntityDaysToAct {

    private static final String GROUND_RAISED = "DeregistrationGroundRaised";

    private final GovernorDesk desk;

    EntityDaysToAct(GovernorDesk desk) {
        this.desk = desk;
    }

    /** The days of {@code file}, the applicant's answer for {@code registrationId}: none unless its latest round is the desk's and registered. */
    public List<GovernorDesk.DayToAct> of(String registrationId, Map<String, Object> file) {
        if (file.get("readUntil") != null) {
            return List.of(); // ADR 0035 item 125 (F527): a former representative's file as it stood when they ceased; the days run for the entity now
        }
        Object round = file.get("receivedAt");
        List<GovernorDesk.DayToAct> days = desk.daysToAct(registrationId, round);
        if (days.isEmpty()) {
            return days;
        }
        Map<mn.registry.kernel.freezone.DeregistrationGround, LocalDate> raised = groundsRaisedSince(Instant.parse(String.valueOf(round)), file);
        return days.stream().map(d -> d.raisedOn(raised.get(mn.registry.kernel.freezone.DeregistrationGround.valueOf(d.ground())))).toList();
    }

    // 003 art. 12.5 (ADR 0035 item 96; F472, was O301): the registry's raise of a ground in this round (an earlier round's raise ended with it)
    private static Map<mn.registry.kernel.freezone.DeregistrationGround, LocalDate> groundsRaisedSince(Instant round, Map<String, Object> file) {
        Map<mn.registry.kernel.freezone.DeregistrationGround, LocalDate> raised = new EnumMap<>(mn.registry.kernel.freezone.DeregistrationGround.class);
        if (!(file.get("decisions") instanceof List<?> decisions)) {
            return raised;
        }
        for (Object o : decisions) {
            if (o instanceof Map<?, ?> decision && GROUND_RAISED.equals(decision.get("type")) && decision.get("content") instanceof Map<?, ?> content) {
                Instant at = Instant.parse(String.valueOf(decision.get("at")));
                if (!at.isBefore(round)) {
                    raised.put(mn.registry.kernel.freezone.DeregistrationGround.valueOf(String.valueOf(content.get("ground"))), UlaanbaatarTime.dateOf(at));
                }
            }
        }
        return raised;
    }
}
