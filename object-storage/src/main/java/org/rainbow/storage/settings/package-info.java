/** {@code rainbow.storage.*}: the settings that choose the storage engine and open it (one record for every service). */
package org.rainbow.storage.settings;
