package dev.mailslot.docs.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the records processed, as a table with a unique key would keep them.
 */
class ProcessedRecords {

	private final Set<String> ids = ConcurrentHashMap.newKeySet();

	boolean insertIfAbsent(String id) {
		return this.ids.add(id);
	}

}
