package dev.anneal.cli;

import dev.anneal.control.Plateau;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

import static org.assertj.core.api.Assertions.assertThat;

/** --plateau's defaults are one constant: PyTorch's but for patience and factor, and the help text states them. */
class PlateauDefaultsTest {

    @Test
    void plateauDefaults_arePyTorchsButPatienceAndFactor_andTheHelpSaysSo() throws NoSuchFieldException {
        Plateau p = ControlOptions.PLATEAU;
        assertThat(p.withPatience(Plateau.defaults().patience()).withFactor(Plateau.defaults().factor())).isEqualTo(Plateau.defaults());
        assertThat(p.patience()).isEqualTo(2);
        assertThat(p.factor()).isEqualTo(0.5);
        String help = String.join(" ", ControlOptions.class.getDeclaredField("plateau").getAnnotation(Option.class).description());
        assertThat(help).contains("patience=" + ControlOptions.setting(p.patience()) + ",factor=" + ControlOptions.setting(p.factor())
                + ",threshold=" + ControlOptions.setting(p.threshold()) + ",cooldown=" + ControlOptions.setting(p.cooldown())
                + ",min_lr=" + ControlOptions.setting(p.minLr()) + ",eps=" + ControlOptions.setting(p.eps()));
        assertThat(help).contains("patience=2,factor=0.5,threshold=1e-4,cooldown=0,min_lr=0,eps=1e-8,");
    }
}
