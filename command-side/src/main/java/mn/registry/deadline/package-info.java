/**
 * The generic deadline service: deadlines derived from events into the MongoDB collection {@code deadlines}
 * (processing group {@code deadlines}), claimed by a poller and fired as commands; bounded contexts plug in
 * {@link mn.registry.deadline.DeadlineRules}. May use the kernel calendar, Axon and MongoDB; no bounded context.
 */
package mn.registry.deadline;
