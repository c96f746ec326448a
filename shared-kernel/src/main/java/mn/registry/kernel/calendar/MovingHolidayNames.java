package mn.registry.kernel.calendar;

/** The names of the lunar holidays, as in the shipped data set, for computed and confirmed years. */
final class MovingHolidayNames {

    static final String TSAGAAN_SAR_EN = "Tsagaan Sar (Lunar New Year)";
    static final String TSAGAAN_SAR_MN = "Цагаан сар";
    static final String BUDDHA_EN = "Buddha's Birthday (Great Buddha Day)";
    static final String BUDDHA_MN = "Бурхан багшийн Их дүйчин өдөр";
    static final String CHINGGIS_EN = "Chinggis Khaan's Day (Mongolian Pride Day)";
    static final String CHINGGIS_MN = "Их эзэн Чингис хааны мэндэлсэн өдөр, Монгол бахархлын өдөр";

    private MovingHolidayNames() {
    }
}
