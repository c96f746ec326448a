package mn.registry.freezone.land;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.RunningPeriods;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.money.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static mn.registry.freezone.land.LandHoldersTest.ALTANBULAG;
import static mn.registry.freezone.land.LandHoldersTest.AT;
import static mn.registry.freezone.land.LandHoldersTest.ENTITY;
import static mn.registry.freezone.land.LandHoldersTest.GOVERNOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, one home (003 art. 6.4, 12.5.1, 12.5.2, 22.6; ADR 0035 items 21, 101): the periods of 12.5.1 and 12.5.2 were folded twice, by
 * {@code ZoneRegistration}'s event handlers and by {@code LandHolders.RunningPeriods.folded}; both now use {@link RunningPeriods}. On random
 * histories a registration can have (the aggregate's statuses respected) and random closures of the zone, the one fold answers on every day
 * as each copy did on main (c9a29576, the copies kept below as they stood), and the two copies agree with each other.
 */
class RunningPeriodsOneFoldProperties {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);

    @Property(tries = 300)
    @Label("003 art. 6.4, 12.5.1, 12.5.2, 22.6: the one fold of the year to start and the 12 months answers as ZoneRegistration's and the land register's copies did")
    void the_one_fold_answers_as_both_copies_did(@ForAll @Size(min = 1, max = 18) List<@IntRange(min = 0, max = 2_000) Integer> draws,
                                                 @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 5_000) Integer> closureDraws) {
        List<FreeZoneTerms.Closure> closures = closureDraws.stream().map(d -> {
            LocalDate closedOn = FIRST_DAY.plusDays(d % 900);
            return new FreeZoneTerms.Closure(closedOn, d % 5 == 0 ? null : closedOn.plusDays(d / 900 * 20 + 1));
        }).toList();
        List<Object> history = history(draws);
        RegistrationId id = RegistrationId.of(ALTANBULAG, ENTITY);

        EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        long seq = 0;
        for (Object payload : history) {
            events.publish(new GenericDomainEventMessage<>("ZoneRegistration", LandHolders.registrationStream(id), seq++, payload));
        }
        LandHolders.PeriodsInZone landRegister = new LandHolders(events, registrations -> Map.of(), zone -> closures).standing(id).periods();

        MainZoneRegistration mainAggregate = new MainZoneRegistration();
        MainLandPeriods mainLand = MainLandPeriods.NONE;
        LocalDate certificate = null;
        RunningPeriods one = RunningPeriods.NONE;
        for (Object e : history) {
            mainAggregate.on(e);
            mainLand = MainLandPeriods.folded(mainLand, e, certificate);
            one = one.after(e, certificate);
            if (e instanceof RegistrationEvents.EntityRegistered r) {
                certificate = r.certificate().issuedOn();
            }
        }
        MainLandPeriods mainLandWithClosures = mainLand.startDueBy() == null ? MainLandPeriods.NONE : mainLand.withClosures(closures);

        TreeSet<LocalDate> days = new TreeSet<>();
        for (int d = 0; d < 1_400; d += 11) {
            days.add(FIRST_DAY.plusDays(d));
        }
        for (LocalDate due : new LocalDate[]{mainAggregate.startDueBy, mainAggregate.resumeDueBy, mainAggregate.startDue(closures, FIRST_DAY.plusDays(1_400)),
                mainAggregate.resumeDue(closures, FIRST_DAY.plusDays(1_400))}) {
            if (due != null) {
                days.addAll(List.of(due.minusDays(1), due, due.plusDays(1)));
            }
        }
        for (LocalDate day : days) {
            String at = "on " + day + " after " + history + " with closures " + closures;
            // ZoneRegistration's answers (startDue, resumeDue, notStartedBy) as it kept them on main
            assertThat(mainAggregate.interruptedOn == null ? null : one.resumeDue(closures, day)).as("12 months " + at)
                    .isEqualTo(mainAggregate.resumeDue(closures, day));
            assertThat(one.startDue(closures, day)).as("year to start " + at).isEqualTo(mainAggregate.startDue(closures, day));
            assertThat(one.notStartedBy(one.startDue(closures, day))).as("not started by " + at)
                    .isEqualTo(mainAggregate.notStartedBy(mainAggregate.startDue(closures, day)));
            // the land register's answer as it was on main, now and through LandHolders
            Optional<Map.Entry<DeregistrationGround, LocalDate>> main = mainLandWithClosures.ranOutBefore(day);
            assertThat(one.ranOutBefore(closures, day)).as("ran out " + at).isEqualTo(main);
            assertThat(landRegister.ranOutBefore(day)).as("land register " + at).isEqualTo(main);
            // and the two copies agreed: the land register judged as the aggregate's deregistration ground (003 art. 12.5.1, 12.5.2)
            assertThat(main).as("the copies agree " + at).isEqualTo(mainAggregate.ranOutBefore(closures, day));
        }
    }

    /** A history the aggregate's statuses allow (applied, rejected or registered, then the 12.5 records of a registered entity), dated by the draws. */
    static List<Object> history(List<Integer> draws) {
        List<Object> history = new ArrayList<>();
        RegistrationId id = RegistrationId.of(ALTANBULAG, ENTITY);
        String status = "NONE";
        LocalDate today = FIRST_DAY;
        LocalDate certificate = null;
        boolean agreement = false;
        boolean started = false;
        boolean interrupted = false;
        for (int draw : draws) {
            today = today.plusDays(draw / 10);
            int choice = draw % 10;
            switch (status) {
                case "NONE", "REJECTED", "DEREGISTERED" -> {
                    history.add(LandHoldersTest.applied(id));
                    status = "APPLIED";
                }
                case "APPLIED" -> {
                    if (choice < 8) {
                        certificate = today;
                        history.add(new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("C-" + history.size(), id, ENTITY, Activity.TRADE,
                                today, ALTANBULAG), AT, GOVERNOR));
                        status = "REGISTERED";
                        agreement = false;
                        started = false;
                        interrupted = false;
                    } else {
                        history.add(new RegistrationEvents.ZoneRegistrationRejected(id, List.of("incomplete"), AT, GOVERNOR));
                        status = "REJECTED";
                    }
                }
                default -> {
                    if (choice <= 1 && !agreement) {
                        LocalDate signedOn = today.minusDays(draw % 7 * 30); // before the certificate too: the later of the two counts
                        LocalDate from = signedOn.isAfter(certificate) ? signedOn : certificate;
                        history.add(new RegistrationEvents.InvestmentAgreementRecorded(id, signedOn, from.plusYears(5), Money.mnt(1_000_000L),
                                false, FreeZoneTerms.startDueBy(from), GOVERNOR, null));
                        agreement = true;
                    } else if (choice <= 3 && !started) {
                        history.add(new RegistrationEvents.OperationsStarted(id, today.minusDays(draw % 3), GOVERNOR, null));
                        started = true;
                    } else if (choice <= 5 && started && !interrupted) {
                        LocalDate resumeDueBy = today.plusMonths(FreeZoneTerms.INTERRUPTION_MONTHS).minusDays(1 + draw % 3 * 10); // a late record counts from its receipt
                        history.add(new RegistrationEvents.OperationsInterrupted(id, today.minusDays(draw % 3 * 10), resumeDueBy, GOVERNOR, null));
                        interrupted = true;
                    } else if (choice <= 6 && interrupted) {
                        history.add(new RegistrationEvents.OperationsResumed(id, today, GOVERNOR, null));
                        interrupted = false;
                    } else if (choice == 7) {
                        history.add(new RegistrationEvents.DeregistrationGroundRaised(id, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.article(), today, AT, GOVERNOR));
                    } else if (choice == 8) {
                        history.add(new RegistrationEvents.EntityDeregistered(id, ALTANBULAG, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                                "003 art. 12.5.1", "not started", AT, true, false, GOVERNOR));
                        status = "DEREGISTERED";
                    }
                }
            }
        }
        return history;
    }

    /** ZoneRegistration's fields and answers of the periods as they stood on main (c9a29576), its event handlers' lines about them. */
    static final class MainZoneRegistration {
        LocalDate certificateIssuedOn;
        LocalDate startDueBy;
        LocalDate startedOn;
        LocalDate interruptedOn;
        LocalDate resumeDueBy;
        LocalDate startRunsFrom;
        LocalDate interruptionRunsFrom;

        void on(Object e) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied) {
                certificateIssuedOn = null;
                startDueBy = null;
                startedOn = null;
                interruptedOn = null;
                resumeDueBy = null;
            } else if (e instanceof RegistrationEvents.EntityRegistered event) {
                certificateIssuedOn = event.certificate().issuedOn();
                startDueBy = FreeZoneTerms.startDueBy(certificateIssuedOn);
                startRunsFrom = certificateIssuedOn;
            } else if (e instanceof RegistrationEvents.InvestmentAgreementRecorded event) {
                startDueBy = event.startDueBy();
                startRunsFrom = event.signedOn().isAfter(certificateIssuedOn) ? event.signedOn() : certificateIssuedOn;
            } else if (e instanceof RegistrationEvents.OperationsStarted event) {
                startedOn = event.on();
            } else if (e instanceof RegistrationEvents.OperationsInterrupted event) {
                interruptedOn = event.on();
                resumeDueBy = event.resumeDueBy();
                interruptionRunsFrom = event.resumeDueBy().plusDays(1).minusMonths(FreeZoneTerms.INTERRUPTION_MONTHS);
            } else if (e instanceof RegistrationEvents.OperationsResumed) {
                interruptedOn = null;
                resumeDueBy = null;
            }
        }

        LocalDate notStartedBy(LocalDate due) {
            return due != null && (startedOn == null || startedOn.isAfter(due)) ? due : null;
        }

        LocalDate startDue(List<FreeZoneTerms.Closure> closures, LocalDate today) {
            return startDueBy == null ? null : FreeZoneTerms.dueAfterClosures(startRunsFrom == null ? startDueBy.plusDays(1).minusYears(1) : startRunsFrom,
                    startDueBy, closures, today);
        }

        LocalDate resumeDue(List<FreeZoneTerms.Closure> closures, LocalDate today) {
            return interruptedOn == null || resumeDueBy == null ? null : FreeZoneTerms.dueAfterClosures(interruptionRunsFrom == null
                    ? resumeDueBy.plusDays(1).minusMonths(FreeZoneTerms.INTERRUPTION_MONTHS) : interruptionRunsFrom, resumeDueBy, closures, today);
        }

        /** The ground the aggregate's deregistration would find due on {@code day} (its {@code groundDue}: 12.5.1, then 12.5.2). */
        Optional<Map.Entry<DeregistrationGround, LocalDate>> ranOutBefore(List<FreeZoneTerms.Closure> closures, LocalDate day) {
            LocalDate start = notStartedBy(startDue(closures, day));
            if (start != null && day.isAfter(start)) {
                return Optional.of(Map.entry(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, start));
            }
            LocalDate resume = resumeDue(closures, day);
            return resume != null && day.isAfter(resume) ? Optional.of(Map.entry(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, resume)) : Optional.empty();
        }
    }

    /** {@code LandHolders.RunningPeriods} and its {@code folded} as they stood on main (c9a29576). */
    record MainLandPeriods(LocalDate startRunsFrom, LocalDate startDueBy, LocalDate startedOn, LocalDate interruptionRunsFrom, LocalDate resumeDueBy,
                           List<FreeZoneTerms.Closure> closures) {

        static final MainLandPeriods NONE = new MainLandPeriods(null, null, null, null, null, List.of());

        MainLandPeriods withClosures(List<FreeZoneTerms.Closure> closures) {
            return new MainLandPeriods(startRunsFrom, startDueBy, startedOn, interruptionRunsFrom, resumeDueBy, List.copyOf(closures));
        }

        Optional<Map.Entry<DeregistrationGround, LocalDate>> ranOutBefore(LocalDate receivedOn) {
            LocalDate start = startDueBy == null ? null : FreeZoneTerms.dueAfterClosures(startRunsFrom, startDueBy, closures, receivedOn);
            if (start != null && receivedOn.isAfter(start) && (startedOn == null || startedOn.isAfter(start))) {
                return Optional.of(Map.entry(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, start));
            }
            LocalDate resume = resumeDueBy == null ? null : FreeZoneTerms.dueAfterClosures(interruptionRunsFrom, resumeDueBy, closures, receivedOn);
            if (resume != null && receivedOn.isAfter(resume)) {
                return Optional.of(Map.entry(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, resume));
            }
            return Optional.empty();
        }

        static MainLandPeriods folded(MainLandPeriods p, Object e, LocalDate certificateIssuedOn) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied) {
                return NONE;
            }
            if (e instanceof RegistrationEvents.EntityRegistered registered) {
                LocalDate certified = registered.certificate().issuedOn();
                return new MainLandPeriods(certified, FreeZoneTerms.startDueBy(certified), null, null, null, List.of());
            }
            if (e instanceof RegistrationEvents.InvestmentAgreementRecorded agreement && certificateIssuedOn != null) {
                LocalDate from = agreement.signedOn().isAfter(certificateIssuedOn) ? agreement.signedOn() : certificateIssuedOn;
                return new MainLandPeriods(from, agreement.startDueBy(), p.startedOn(), p.interruptionRunsFrom(), p.resumeDueBy(), List.of());
            }
            if (e instanceof RegistrationEvents.OperationsStarted started) {
                return new MainLandPeriods(p.startRunsFrom(), p.startDueBy(), started.on(), p.interruptionRunsFrom(), p.resumeDueBy(), List.of());
            }
            if (e instanceof RegistrationEvents.OperationsInterrupted interrupted) {
                return new MainLandPeriods(p.startRunsFrom(), p.startDueBy(), p.startedOn(),
                        interrupted.resumeDueBy().plusDays(1).minusMonths(FreeZoneTerms.INTERRUPTION_MONTHS), interrupted.resumeDueBy(), List.of());
            }
            if (e instanceof RegistrationEvents.OperationsResumed) {
                return new MainLandPeriods(p.startRunsFrom(), p.startDueBy(), p.startedOn(), null, null, List.of());
            }
            return p;
        }
    }
}
