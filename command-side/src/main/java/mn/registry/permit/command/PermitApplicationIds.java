package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ReceiptNumber;

/** Where the ids of a new application come from: never from inside the aggregate. */
interface PermitApplicationIds {

    /** The id of the application a signed command creates. */
    ApplicationId applicationId(CommandContext context);

    /** The next receipt number of the year of receipt (local year in Ulaanbaatar). */
    ReceiptNumber nextReceiptNumber(int year);
}
