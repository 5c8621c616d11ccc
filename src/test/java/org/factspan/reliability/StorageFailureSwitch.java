package org.factspan.reliability;

import org.factspan.SwitchableDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The data source of the storage-failure context wrapped in a {@link SwitchableDataSource}. The REST and the view
 * test import it the same way and name the same properties, so they share one cached Spring context.
 */
@TestConfiguration
class StorageFailureSwitch {

    @Bean
    static BeanPostProcessor switchableDataSource() {
        return SwitchableDataSource.wrapper();
    }
}
