/**
 * What the command side answers a page, with the position in the event log it was judged on (ADR 0071 item 10): the page waits for the
 * register to reach that position before it shows the two side by side. Plain records; never stored, never published.
 */
package mn.registry.kernel.look;
