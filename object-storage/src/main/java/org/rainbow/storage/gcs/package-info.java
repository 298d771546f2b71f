/** Google Cloud Storage as the object storage of production. */
package org.rainbow.storage.gcs;
