package io.casework.sla.domain;

import java.util.List;
import java.util.Map;

/**
 * What each priority level means, in the languages of the seeds (SPEC.md "Priority"). French texts are seed 004's
 * (definitions also in seed 000); Dutch definitions are seed 001's. Seed 004 exists in French only, so its Dutch
 * examples, and the Dutch names of the severity scheme, are translations; the French severity names are seed 003's
 * ("Critiques, Graves, Modérées et Mineures").
 */
public final class PriorityCatalog {

    public static final List<String> LANGUAGES = List.of("en", "fr", "nl");

    /** One level's texts in one language, with where they come from. */
    public record Text(String severityName, String definition, String example, String source) {
    }

    private static final String EN = "SPEC.md table (English rendering of seeds 000 and 004)";
    private static final String FR = "seed 004 (definitions also seed 000), severity names seed 003";
    private static final String NL = "definitions seed 001; example and severity name translated from seed 004";

    private static final Map<Priority, Map<String, Text>> TEXTS = Map.of(
            Priority.P1, Map.of(
                    "en", new Text("Critical", Priority.P1.definition(), Priority.P1.example(), EN),
                    "fr", new Text("Critique",
                            "Problème critique d'accès aux services affectant plusieurs utilisateurs. Service "
                                    + "indisponible ou inutilisable sans solution de secours.",
                            "Retards généralisés dans la distribution des e-mails, touchant la majorité des messages "
                                    + "envoyés ou reçus.", FR),
                    "nl", new Text("Kritiek",
                            "Kritiek probleem met toegang tot de service, betreft meer dan één gebruiker. De service is "
                                    + "niet beschikbaar of is onbruikbaar en er is geen tijdelijke oplossing.",
                            "Wijdverspreide vertragingen bij de bezorging van e-mail, die de meeste verzonden of "
                                    + "ontvangen berichten treffen.", NL)),
            Priority.P2, Map.of(
                    "en", new Text("Severe", Priority.P2.definition(), Priority.P2.example(), EN),
                    "fr", new Text("Grave",
                            "Problème critique d'accès aux services affectant un utilisateur, ou problème nuisant à la "
                                    + "collaboration entre les utilisateurs. Le produit ne fonctionne pas comme prévu, "
                                    + "et il n'existe aucune solution de secours acceptable.",
                            "Un utilisateur ne parvient pas à accéder à ses e-mails et voit s'afficher une page "
                                    + "\"Erreur 500\".", FR),
                    "nl", new Text("Ernstig",
                            "Kritiek probleem met toegang tot de service, betreft één gebruiker, of het probleem is van "
                                    + "invloed op de samenwerking tussen gebruikers. Het product werkt niet naar "
                                    + "behoren en er is geen tijdelijke oplossing.",
                            "Een gebruiker kan zijn e-mail niet openen en ziet een pagina \"Fout 500\".", NL)),
            Priority.P3, Map.of(
                    "en", new Text("Moderate", Priority.P3.definition(), Priority.P3.example(), EN),
                    "fr", new Text("Modérée",
                            "Le produit ne fonctionne pas comme prévu, mais une solution de secours peut être mise en "
                                    + "œuvre.",
                            "Impossible de supprimer un message sur le forum d'un groupe en utilisant le bouton "
                                    + "Supprimer. Il peut néanmoins être supprimé en modifiant une URL.", FR),
                    "nl", new Text("Matig",
                            "Het product werkt niet naar behoren, maar er is een tijdelijke oplossing.",
                            "Een bericht op het forum van een groep kan niet met de knop Verwijderen worden verwijderd, "
                                    + "maar wel door een URL aan te passen.", NL)),
            Priority.P4, Map.of(
                    "en", new Text("Minor", Priority.P4.definition(), Priority.P4.example(), EN),
                    "fr", new Text("Mineure",
                            "Le produit fonctionne, mais pas de la manière souhaitée. Une solution de secours n'est pas "
                                    + "nécessaire.",
                            "Un utilisateur ne peut pas ajouter facilement de nouveaux mots au dictionnaire du "
                                    + "vérificateur orthographique.", FR),
                    "nl", new Text("Gering",
                            "Het product werkt niet zoals gewenst, maar functioneert wel en een tijdelijke oplossing is "
                                    + "niet nodig.",
                            "Een gebruiker kan niet gemakkelijk nieuwe woorden aan het woordenboek van de "
                                    + "spellingcontrole toevoegen.", NL)));

    private PriorityCatalog() {
    }

    public static Text text(Priority priority, String language) {
        Text text = TEXTS.get(priority).get(language);
        if (text == null) {
            throw new IllegalArgumentException("No texts in '" + language + "'; languages: " + LANGUAGES);
        }
        return text;
    }
}
