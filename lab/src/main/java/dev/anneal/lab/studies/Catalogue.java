package dev.anneal.lab.studies;

import dev.anneal.lab.Study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every study of the lab, in catalogue order. */
public final class Catalogue {
    private Catalogue() {}

    public static List<Study> all() {
        return List.of(new S01NoiseBall(), new S02MovementBudget(), new S03PretrainFinetune(), new S04FewShot(), new S05ArchitectureProbe(), new S06CurriculumSteps(),
                new S07PruningShock(), new S08MultiTaskGroups(), new S09TemperatureSync(), new S10NonStationary(), new S11SpacedRepetition(), new S12Peeling(),
                new S13SlowManifold(), new S14PowerLaw(), new S15RobbinsMonro(),
                new S16EulerStability(), new S17OnlineLogistic(), new S18FocalLoss(), new S21RecurrentWarmup(), new S22RuggedCyclic(), new S23Richardson(), new S24TdDiscount(),
                new S25PlateauEscape(), new S26SnapshotEnsemble(), new S27AugmentationCounterPhase(), new S28DecayPhase(), new S29DropoutCounterPhase(),
                new S30LabelSmoothing(), new S31BatchNormMomentum(), new S32GanPhase(), new S33TransferCycles(), new S34RehearsalAlignment(),
                new S35SparseRegrowth(), new S37FederatedPhases(), new S38CurriculumPhase(),
                new S39StabilityLimit(), new S40GradNormBrake(), new S41PowerIterationLr(), new S42SharpFlat(), new S43ClippedOrbit(),
                new S44MomentumEffectiveLr(), new S45BatchScaling(), new S46TwoPhase(),
                new S47WarmupByOptimizer(), new S48DampingRatio(), new S49ClippingFrequency(), new S50DecayCompensation(), new S51LargeBatchWarmup(),
                new S52SummedAccumulation(), new S53LossScaling(), new S54BiasCorrection(), new S56DenseHeads(), new S57SourceArtifact(),
                new S58StagedUnfreezing(), new S59CurriculumCorrelation(), new S60InitBoundWarmup());
    }

    /** The studies with the given ids (case-insensitive), in the order given; all of them for an empty list. */
    public static List<Study> select(List<String> ids) {
        if (ids.isEmpty()) return all();
        List<Study> chosen = new ArrayList<>();
        for (String id : ids) {
            String want = id.toUpperCase(Locale.ROOT);
            chosen.add(all().stream().filter(s -> s.id().equals(want)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "study (" + id + ") must be one of " + all().stream().map(Study::id).toList())));
        }
        return chosen;
    }
}
