/**
 * Test fixtures published in the event-store test-jar: a fresh embedded MongoDB database per test and a fixed
 * test seal key. May use JUnit 5, the MongoDB driver and this module's main code.
 */
package mn.registry.store.testing;
