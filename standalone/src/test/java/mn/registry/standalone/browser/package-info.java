/**
 * Browser tests: the registry on a random port with demo data, driven through Debian's headless Chromium by Selenium
 * ({@code /usr/bin/chromedriver}). Run by the Maven profile {@code browser}, active wherever that driver is installed.
 */
package mn.registry.standalone.browser;
