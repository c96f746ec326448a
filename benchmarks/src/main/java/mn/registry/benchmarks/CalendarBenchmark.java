package mn.registry.benchmarks;

import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;

import java.time.LocalDate;
import mn.registry.benchmarks.http.CpuMeter;

/**
 * The calendar's cost over the 2000-2100 range (issue 13 item 10): microseconds per 17-working-day deadline and
 * milliseconds per declared holiday, beside a baseline in the same run (the same number of {@code LocalDate.plusDays}
 * walks of 25 days, about what a deadline walks). Moved here from a timed unit test: speed is judged in benchmarks.
 * Usage: {@code benchmarks/run.sh calendar [deadlines, default 50000]}.
 */
public final class CalendarBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        WorkingDays seventeen = WorkingDays.of(17);
        WorkingDayCalendar calendar = WorkingDayCalendar.base().apply(new PublicHolidayDeclared(LocalDate.of(2031, 1, 6), "x", "x", "d"));
        long sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm-up
            sink += calendar.deadline(LocalDate.of(2030, 1, 1).plusDays(i % 3000), seventeen).due().getDayOfMonth();
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink += calendar.deadline(LocalDate.of(2030, 1, 1).plusDays(i % 3000), seventeen).due().getDayOfMonth();
        }
        double perDeadline = (System.nanoTime() - start) / 1000.0 / runs;
        long baseStart = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            LocalDate d = LocalDate.of(2030, 1, 1).plusDays(i % 3000);
            for (int k = 0; k < 25; k++) {
                d = d.plusDays(1);
            }
            sink += d.getDayOfMonth();
        }
        double perBaseline = (System.nanoTime() - baseStart) / 1000.0 / runs;
        long applyStart = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            calendar = calendar.apply(new PublicHolidayDeclared(LocalDate.of(2040, 1, 2).plusDays(i), "x", "x", "d"));
        }
        double perDeclaration = (System.nanoTime() - applyStart) / 1e6 / 20;
        System.out.printf("calendar: %.2f µs per deadline (baseline, 25 plusDays: %.2f µs), %.2f ms per declaration; load %s (%d)%n",
                perDeadline, perBaseline, perDeclaration, CpuMeter.loadAverage(), sink);
    }
}
