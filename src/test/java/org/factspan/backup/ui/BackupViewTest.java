package org.factspan.backup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:${java.io.tmpdir}/factspan-backup-view-${random.uuid}/factspan",
        "factspan.backup-dir=${java.io.tmpdir}/factspan-backup-view-files-${random.uuid}"})
@ViewPackages(packages = "org.factspan")
class BackupViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("admin")
    void anAdminBacksUpWithOneClickAndSeesTheBackupListed() {
        BackupView view = navigate("admin/backups", BackupView.class);
        assertThat(test(view.grid).size()).isZero();
        test(view.backUp).click();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).matches("factspan-\\d{8}-\\d{6}\\.zip");
    }

    @Test
    @WithUserDetails("alice")
    void annotatorsCannotOpenTheBackups() {
        Component shown = navigate("admin/backups", Component.class);
        assertThat(shown).isNotInstanceOf(BackupView.class);
        assertThat(shown.getClass().getSimpleName()).contains("NotFound");
    }
}
