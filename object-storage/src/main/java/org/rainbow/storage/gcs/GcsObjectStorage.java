package org.rainbow.storage.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rainbow.storage.ObjectStorage;

/** Objects in one GCS bucket; an upload becomes visible only when complete, as GCS guarantees. */
public final class GcsObjectStorage implements ObjectStorage {

    private final Storage storage;
    private final String bucket;

    public GcsObjectStorage(Storage storage, String bucket) {
        this.storage = storage;
        this.bucket = bucket;
    }

    /** The bucket through the default credentials of the environment (workload identity, a key file, gcloud). */
    public static GcsObjectStorage forBucket(String bucket) {
        return new GcsObjectStorage(StorageOptions.getDefaultInstance().getService(), bucket);
    }

    @Override
    public void put(String key, Path file) throws IOException {
        storage.createFrom(BlobInfo.newBuilder(BlobId.of(bucket, key)).setContentType("application/octet-stream").build(),
                file);
    }

    @Override
    public void get(String key, Path target) throws IOException {
        blob(key).downloadTo(target);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Channels.newInputStream(blob(key).reader());
    }

    private Blob blob(String key) throws FileNotFoundException {
        Blob blob = storage.get(BlobId.of(bucket, key));
        if (blob == null) {
            throw new FileNotFoundException(uri(key));
        }
        return blob;
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(prefix)).iterateAll()) {
            keys.add(blob.getName());
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public int deleteAll(String prefix) {
        int deleted = 0;
        for (String key : list(prefix)) {
            deleted += storage.delete(BlobId.of(bucket, key)) ? 1 : 0;
        }
        return deleted;
    }

    @Override
    public String uri(String key) {
        return "gs://" + bucket + "/" + key;
    }
}
