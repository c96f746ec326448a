package mn.registry.publicregister;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register's search parameters as a request carries them ({@code ?q=&kind=&name=&number=&status=&zone=&activity=&from=&to=
 * &offset=&limit=&atLeast=}), bound once by Spring MVC for the JSON endpoints and the web's search page alike; each reads
 * the ones it offers. All text: {@link RegisterSearches} turns them into a search or a problem with a stable code.
 */
public record SearchParameters(String q, String kind, String name, String number, String status, String zone, String activity,
                               String from, String to, String offset, String limit, String atLeast) {

    /**
     * The parameters read straight from the request (ADR 0051), as Spring MVC's binding of this record gives them: a
     * parameter given once as given, given several times its values joined by commas, absent null. The binding built a
     * data binder and resolved this record's constructor per request (JFR: 12 % of the search endpoint's request threads).
     */
    public static SearchParameters of(org.springframework.web.context.request.WebRequest request) {
        return new SearchParameters(one(request, "q"), one(request, "kind"), one(request, "name"), one(request, "number"),
                one(request, "status"), one(request, "zone"), one(request, "activity"), one(request, "from"), one(request, "to"),
                one(request, "offset"), one(request, "limit"), one(request, "atLeast"));
    }

    private static String one(org.springframework.web.context.request.WebRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        return values.length == 1 ? values[0] : String.join(",", values);
    }

    static final String FIRST_PAGE = "0";
    static final String PAGE_SIZE = "50";

    /** The offset asked for, {@code 0} when none is given. */
    public String offsetOrFirst() {
        return RegisterSearches.blankToNull(offset) == null ? FIRST_PAGE : offset;
    }

    /** The page size asked for, {@code 50} when none is given. */
    public String limitOrDefault() {
        return RegisterSearches.blankToNull(limit) == null ? PAGE_SIZE : limit;
    }

    /** The search text: {@code q}, {@code name} and {@code number} (the parameters of the earlier per-kind search) together, each stripped. */
    public String text() {
        return Stream.of(q, name, number).map(RegisterSearches::blankToNull).filter(Objects::nonNull).map(String::strip)
                .collect(Collectors.joining(" "));
    }

    /** The position to wait for: {@code atLeast=}, else the header's value. */
    public String atLeastOr(String header) {
        return atLeast != null ? atLeast : header;
    }
}
