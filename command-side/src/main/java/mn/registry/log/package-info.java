/**
 * What drives the transparency log's writer ({@code mn.registry.tlog.LogWriter}) on the command side: the sequencer
 * (an Axon processing group of one segment) that appends each public event's record, the schedule that has it
 * publish signed, time-stamped checkpoints, and the publication duties those checkpoints discharge. Never the query side.
 */
package mn.registry.log;
