<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Account360View</name>
    <message>
        <source>No contacts yet.</source>
        <translation>Aucun interlocuteur pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No opportunities yet.</source>
        <translation>Aucune affaire pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No quotes, invoices or contracts yet.</source>
        <translation>Aucun devis, facture ou contrat pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No support tickets.</source>
        <translation>Aucun ticket SAV.</translation>
    </message>
    <message>
        <source>No sites yet.</source>
        <translation>Aucun site pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Choose an account to see everything about it here.</source>
        <translation>Choisissez un compte pour afficher ici tout ce qui le concerne.</translation>
    </message>
    <message>
        <source>This account no longer exists. It may have been deleted.</source>
        <translation>Ce compte n&apos;existe plus. Il a peut-être été supprimé.</translation>
    </message>
    <message>
        <source>The account could not be loaded.

%1</source>
        <translation>Impossible de charger le compte.

%1</translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation>Interlocuteurs (%1)</translation>
    </message>
    <message>
        <source>Opportunities (%1)</source>
        <translation>Affaires (%1)</translation>
    </message>
    <message>
        <source>Quotes &amp; invoices (%1)</source>
        <translation>Devis et factures (%1)</translation>
    </message>
    <message>
        <source>Tickets (%1)</source>
        <translation>Tickets SAV (%1)</translation>
    </message>
    <message>
        <source>Timeline (%1)</source>
        <translation>Historique (%1)</translation>
    </message>
    <message>
        <source>Emails (%1)</source>
        <translation>E-mails (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Pièces jointes (%1)</translation>
    </message>
    <message>
        <source>Sites (%1)</source>
        <translation>Sites (%1)</translation>
    </message>
    <message>
        <source>Stakeholder map</source>
        <translation>Cartographie des décideurs</translation>
    </message>
    <message>
        <source>Qualification (%1/%2)</source>
        <translation>Qualification (%1/%2)</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouvel interlocuteur</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Noter un appel</translation>
    </message>
    <message>
        <source>Log a meeting</source>
        <translation>Noter un rendez-vous</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Nouvelle affaire</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Nouveau site</translation>
    </message>
</context>
<context>
    <name>AccountCombo</name>
    <message>
        <source>Type to find an account</source>
        <translation>Tapez pour trouver un compte</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>Edit account — %1</source>
        <translation>Modifier le compte — %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>SIREN / SIRET</source>
        <translation>SIREN / SIRET</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Email domains</source>
        <translation>Domaines e-mail</translation>
    </message>
    <message>
        <source>example.com, example.fr</source>
        <translation>exemple.fr, exemple.com</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>— none (top-level account) —</source>
        <translation>— aucun (compte de tête) —</translation>
    </message>
    <message>
        <source>Key account manager</source>
        <translation>Responsable grands comptes</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— personne —</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>non évalué</translation>
    </message>
    <message>
        <source>Growth potential</source>
        <translation>Potentiel de croissance</translation>
    </message>
    <message>
        <source>Potential revenue</source>
        <translation>CA potentiel</translation>
    </message>
    <message>
        <source>Reference value</source>
        <translation>Valeur de référence</translation>
    </message>
    <message>
        <source>Innovation value</source>
        <translation>Valeur d&apos;innovation</translation>
    </message>
    <message>
        <source>Network value</source>
        <translation>Valeur de réseau</translation>
    </message>
    <message>
        <source>Stability value</source>
        <translation>Valeur de stabilité</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Client depuis le</translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation>Date de renouvellement</translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Edit account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Revenue this year</source>
        <translation>CA de l&apos;année</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Pipeline ouvert</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renouvellement</translation>
    </message>
    <message>
        <source>Subsidiaries</source>
        <translation>Filiales</translation>
    </message>
    <message>
        <source>%1 of our revenue</source>
        <translation>%1 de notre CA</translation>
    </message>
    <message>
        <source>%1 weighted</source>
        <translation>%1 pondéré</translation>
    </message>
    <message>
        <source>in this group</source>
        <translation>dans ce groupe</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Groupe&#xa0;: %1</translation>
    </message>
    <message>
        <source>KAM: %1</source>
        <translation>KAM&#xa0;: %1</translation>
    </message>
    <message>
        <source>No key account manager</source>
        <translation>Aucun KAM</translation>
    </message>
    <message>
        <source>no activity logged</source>
        <translation>aucune interaction enregistrée</translation>
    </message>
    <message>
        <source>No contact for more than %1 days</source>
        <translation>Aucun contact depuis plus de %1 jours</translation>
    </message>
    <message>
        <source>no renewal date</source>
        <translation>aucune date prévue</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>passed %1 days ago</source>
        <translation>il y a %1 jours</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>dans %1 jours</translation>
    </message>
    <message>
        <source>in %1 months</source>
        <translation>dans %1 mois</translation>
    </message>
</context>
<context>
    <name>AccountListPanel</name>
    <message>
        <source>Filter accounts…</source>
        <translation>Filtrer les comptes…</translation>
    </message>
    <message>
        <source>Tier filter</source>
        <translation>Filtre par catégorie</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Tous comptes</translation>
    </message>
    <message>
        <source>Key account manager filter</source>
        <translation>Filtre par KAM</translation>
    </message>
    <message>
        <source>All KAMs</source>
        <translation>Tous les KAM</translation>
    </message>
    <message>
        <source>Sector filter</source>
        <translation>Filtre par secteur</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Tous secteurs</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n compte</numerusform>
            <numerusform>%n comptes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n account(s)</source>
        <translation>
            <numerusform>%1 sur %n compte</numerusform>
            <numerusform>%1 sur %n comptes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Key account manager</source>
        <translation>Responsable grands comptes (KAM)</translation>
    </message>
    <message>
        <source>Revenue this year: invoiced since 1 January, excluding VAT</source>
        <translation>CA de l&apos;année&#xa0;: facturé HT depuis le 1er janvier</translation>
    </message>
    <message>
        <source>Open pipeline: total of the open opportunities</source>
        <translation>Pipeline ouvert&#xa0;: total des affaires en cours</translation>
    </message>
    <message>
        <source>KAM</source>
        <translation>KAM</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Revenue %1</source>
        <translation>CA %1</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>%1
Subsidiary of %2</source>
        <translation>%1
Filiale de %2</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Most recent call, meeting, email or note</source>
        <translation>Dernier appel, rendez-vous, e-mail ou note</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renouvellement</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>The undo history was cleared.</source>
        <translation>L&apos;historique d&apos;annulation a été vidé.</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <source>The file is missing from the data folder: restore a backup or attach it again</source>
        <translation>Le fichier est absent du dossier de données&#xa0;: restaurez une sauvegarde ou joignez-le de nouveau</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>No files yet. Attach contracts, presentations and specifications here.</source>
        <translation>Aucun fichier pour l&apos;instant. Joignez ici contrats, présentations et cahiers des charges.</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Joindre un fichier…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Attach a file to the account</source>
        <translation>Joindre un fichier au compte</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>l&apos;ajout d&apos;une pièce jointe</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>l&apos;ajout de pièces jointes</translation>
    </message>
    <message>
        <source>The file could not be attached.</source>
        <translation>Impossible de joindre le fichier.</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Ouvrir la pièce jointe</translation>
    </message>
    <message>
        <source>No application is set up to open “%1”.</source>
        <translation>Aucune application n&apos;est configurée pour ouvrir «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Attachment missing</source>
        <translation>Pièce jointe manquante</translation>
    </message>
    <message>
        <source>The file “%1” is no longer in the data folder.

Restore the data folder from a backup, or remove this attachment and attach the file again.</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» ne se trouve plus dans le dossier de données.

Restaurez le dossier de données à partir d&apos;une sauvegarde, ou retirez cette pièce jointe et joignez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>The attachment could not be opened.</source>
        <translation>Impossible d&apos;ouvrir la pièce jointe.</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>le retrait de la pièce jointe</translation>
    </message>
    <message>
        <source>The attachment could not be removed.</source>
        <translation>Impossible de retirer la pièce jointe.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
</context>
<context>
    <name>BoardFilterBar</name>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Key account manager filter</source>
        <translation>Filtre par KAM</translation>
    </message>
    <message>
        <source>All KAMs</source>
        <translation>Tous les KAM</translation>
    </message>
    <message>
        <source>Account filter (with its subsidiaries)</source>
        <translation>Filtre par compte (filiales comprises)</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Product filter</source>
        <translation>Filtre par produit</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Tous les produits</translation>
    </message>
    <message>
        <source>Expected close from</source>
        <translation>Signature prévue à partir du</translation>
    </message>
    <message>
        <source>Expected close until</source>
        <translation>Signature prévue jusqu&apos;au</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Close:</source>
        <translation>Signature&#xa0;:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>indifférente</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>%1 weighted</source>
        <translation>%1 pondéré</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>Pas de date de signature</translation>
    </message>
    <message>
        <source>Stalled %1 d</source>
        <translation>En sommeil %1&#xa0;j</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>En sommeil</translation>
    </message>
    <message>
        <source>%1 at %2 % = %3 weighted</source>
        <translation>%1 à %2&#xa0;% = %3 pondéré</translation>
    </message>
    <message>
        <source>MEDDIC: %1 of 6 items</source>
        <translation>MEDDIC&#xa0;: %1 critères sur 6</translation>
    </message>
    <message>
        <source>%1 days in this stage</source>
        <translation>%1 jours dans cette étape</translation>
    </message>
    <message>
        <source>Stalled: longer in this stage than it allows, and no next step planned.</source>
        <translation>En sommeil&#xa0;: dans cette étape depuis plus longtemps que prévu, sans prochaine action planifiée.</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>Prochaine action&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Export chart as PNG…</source>
        <translation>Exporter le graphique en PNG…</translation>
    </message>
</context>
<context>
    <name>CheckListField</name>
    <message>
        <source>(no longer available)</source>
        <translation>(plus disponible)</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>(no longer available)</source>
        <translation>(plus disponible)</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>%1 (has left)</source>
        <translation>%1 (a quitté l&apos;entreprise)</translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message>
        <source>%1 weighted</source>
        <translation>%1 pondéré</translation>
    </message>
    <message>
        <source>Total amount: %1</source>
        <translation>Montant total&#xa0;: %1</translation>
    </message>
    <message>
        <source>Weighted by each deal&apos;s probability: %1</source>
        <translation>Pondéré par la probabilité de chaque affaire&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CommitteeField</name>
    <message>
        <source>Contact</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <source>Role in the decision</source>
        <translation>Rôle dans la décision</translation>
    </message>
    <message>
        <source>— role not known —</source>
        <translation>— rôle inconnu —</translation>
    </message>
    <message>
        <source>(no longer available)</source>
        <translation>(plus disponible)</translation>
    </message>
</context>
<context>
    <name>ConflictDetail</name>
    <message>
        <source>Or write one text from both</source>
        <translation>Ou rédigez un seul texte à partir des deux</translation>
    </message>
    <message>
        <source>Save this text</source>
        <translation>Enregistrer ce texte</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>kamdesk shows %1 for now.</source>
        <translation>kamdesk affiche %1 pour l&apos;instant.</translation>
    </message>
    <message>
        <source>It was changed twice before syncing.</source>
        <translation>Ce champ a été modifié deux fois avant la synchronisation.</translation>
    </message>
    <message>
        <source>You and %1 changed it before syncing.</source>
        <translation>Vous et %1 l&apos;avez modifié avant la synchronisation.</translation>
    </message>
    <message>
        <source>%1 and %2 changed it before syncing.</source>
        <translation>%1 et %2 l&apos;ont modifié avant la synchronisation.</translation>
    </message>
    <message>
        <source>%1&apos;s version</source>
        <translation>la version de %1</translation>
    </message>
    <message>
        <source>your version</source>
        <translation>votre version</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>Someone settled this conflict meanwhile.</source>
        <translation>Quelqu&apos;un a tranché ce conflit entre-temps.</translation>
    </message>
    <message>
        <source>You may read this record but not change it.</source>
        <translation>Vous pouvez consulter cette fiche, mais pas la modifier.</translation>
    </message>
    <message>
        <source>The team server cannot be reached: your choice was not sent. Try again when you are connected.</source>
        <translation>Le serveur d&apos;équipe est injoignable : votre choix n&apos;a pas été envoyé. Réessayez une fois connecté.</translation>
    </message>
    <message>
        <source>Please sign in again to settle conflicts.</source>
        <translation>Reconnectez-vous pour trancher les conflits.</translation>
    </message>
    <message>
        <source>Please update kamdesk to settle conflicts.</source>
        <translation>Mettez kamdesk à jour pour trancher les conflits.</translation>
    </message>
    <message>
        <source>The team server refused: %1</source>
        <translation>Le serveur d&apos;équipe a refusé : %1</translation>
    </message>
</context>
<context>
    <name>ConflictInboxDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Conflicts to settle</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <source>When two people change the same text, amount or stage before syncing, kamdesk keeps both until someone chooses. Nothing typed is lost.</source>
        <translation>Quand deux personnes modifient le même texte, le même montant ou la même étape avant la synchronisation, kamdesk garde les deux versions jusqu&apos;à ce que quelqu&apos;un choisisse. Rien de ce qui a été saisi n&apos;est perdu.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Loading the conflicts from the team server…</source>
        <translation>Chargement des conflits depuis le serveur d&apos;équipe…</translation>
    </message>
    <message>
        <source>Nothing to settle</source>
        <translation>Aucun conflit à trancher</translation>
    </message>
    <message>
        <source>When two people change the same note, amount or stage before syncing, both versions wait here until someone chooses.</source>
        <translation>Quand deux personnes modifient la même note, le même montant ou la même étape avant la synchronisation, les deux versions attendent ici qu&apos;on choisisse.</translation>
    </message>
    <message>
        <source>The team server cannot be reached</source>
        <translation>Le serveur d&apos;équipe est injoignable</translation>
    </message>
    <message>
        <source>Conflicts are kept on the server until someone settles them. Try again when you are connected.</source>
        <translation>Les conflits restent sur le serveur jusqu&apos;à ce que quelqu&apos;un les tranche. Réessayez une fois connecté.</translation>
    </message>
    <message>
        <source>Please sign in to the team server</source>
        <translation>Connectez-vous au serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>Conflicts are kept on the server: sign in to see them.</source>
        <translation>Les conflits sont conservés sur le serveur : connectez-vous pour les voir.</translation>
    </message>
    <message>
        <source>The conflicts could not be loaded</source>
        <translation>Impossible de charger les conflits</translation>
    </message>
    <message>
        <source>Sending your choice…</source>
        <translation>Envoi de votre choix…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: the merged text is saved.</source>
        <translation>%1 : le texte fusionné est enregistré.</translation>
    </message>
    <message>
        <source>%1: your version is kept.</source>
        <translation>%1 : votre version est conservée.</translation>
    </message>
    <message>
        <source>%1: %2&apos;s version is kept.</source>
        <translation>%1 : la version de %2 est conservée.</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kept (newer)</source>
        <translation>Conservé (plus récent)</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Remplacé</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation>Nouvel interlocuteur</translation>
    </message>
    <message>
        <source>Edit contact — %1</source>
        <translation>Modifier l&apos;interlocuteur — %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <source>Civility</source>
        <translation>Civilité</translation>
    </message>
    <message>
        <source>Mr, Ms, Dr…</source>
        <translation>M., Mme, Dr…</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Emails to this address bounce</source>
        <translation>Les e-mails envoyés à cette adresse sont rejetés</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>— no particular site —</source>
        <translation>— aucun site en particulier —</translation>
    </message>
    <message>
        <source>Left the company on</source>
        <translation>A quitté l&apos;entreprise le</translation>
    </message>
    <message>
        <source>Buying decision</source>
        <translation>Décision d&apos;achat</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Rattaché à (N+1)</translation>
    </message>
    <message>
        <source>— nobody (top of the chart) —</source>
        <translation>— personne (au sommet) —</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>Rôle d&apos;achat</translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation>— inconnu —</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Niveau d&apos;influence</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Relationship owner</source>
        <translation>Responsable de la relation</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— personne —</translation>
    </message>
    <message>
        <source>Legal basis (GDPR)</source>
        <translation>Base légale (RGPD)</translation>
    </message>
    <message>
        <source>e.g. legitimate interest</source>
        <translation>ex.&#xa0;: intérêt légitime</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Enjeux et motivations</translation>
    </message>
    <message>
        <source>What matters to them, what they fear…</source>
        <translation>Ce qui compte pour cette personne, ce qu&apos;elle redoute…</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>Rôle d&apos;achat</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Influence</translation>
    </message>
    <message>
        <source>Influence %1 of 5</source>
        <translation>Niveau d&apos;influence&#xa0;: %1 sur 5</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Rattaché à</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Emails to this address bounced</source>
        <translation>Les e-mails envoyés à cette adresse ont été rejetés</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Forte</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Has left the company</source>
        <translation>A quitté l&apos;entreprise</translation>
    </message>
</context>
<context>
    <name>CoverageTexts</name>
    <message numerus="yes">
        <source>%1 has gone cold: no activity for %n day(s).</source>
        <translation>
            <numerusform>%1 s&apos;est refroidi(e) : aucune interaction depuis %n jour.</numerusform>
            <numerusform>%1 s&apos;est refroidi(e) : aucune interaction depuis %n jours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) in the last 90 days</source>
        <translation>
            <numerusform>%n interaction sur les 90 derniers jours</numerusform>
            <numerusform>%n interactions sur les 90 derniers jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) in the last 12 months</source>
        <translation>
            <numerusform>%n interaction sur les 12 derniers mois</numerusform>
            <numerusform>%n interactions sur les 12 derniers mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateContactDialog</name>
    <message>
        <source>New contact from the sender</source>
        <translation>Nouvel interlocuteur à partir de l&apos;expéditeur</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouvel interlocuteur</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Choisir une date</translation>
    </message>
</context>
<context>
    <name>DeletedModel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation>Supprimé le</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Relationship strength — %1</source>
        <translation>Force de la relation — %1</translation>
    </message>
    <message>
        <source>How it is computed: %1</source>
        <translation>Mode de calcul : %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>This account no longer exists.</source>
        <translation>Ce compte n&apos;existe plus.</translation>
    </message>
    <message>
        <source>This user no longer exists.</source>
        <translation>Cet utilisateur n&apos;existe plus.</translation>
    </message>
    <message>
        <source>This contact no longer exists or works at another account.</source>
        <translation>Cet interlocuteur n&apos;existe plus ou travaille pour un autre compte.</translation>
    </message>
    <message>
        <source>This is not a site of this account.</source>
        <translation>Ce site n&apos;appartient pas à ce compte.</translation>
    </message>
    <message>
        <source>This is not an opportunity of this account.</source>
        <translation>Cette affaire n&apos;appartient pas à ce compte.</translation>
    </message>
    <message>
        <source>The chosen record no longer exists.</source>
        <translation>L&apos;élément choisi n&apos;existe plus.</translation>
    </message>
    <message>
        <source>Expected %1 or %2 digits.</source>
        <translation>%1 ou %2 chiffres attendus.</translation>
    </message>
    <message>
        <source>Expected %1 digits.</source>
        <translation>%1 chiffres attendus.</translation>
    </message>
    <message>
        <source>Expected digits only.</source>
        <translation>Chiffres uniquement.</translation>
    </message>
    <message>
        <source>This would create a reporting cycle: %1.</source>
        <translation>Cela créerait une boucle hiérarchique&#xa0;: %1.</translation>
    </message>
    <message>
        <source>This would make the group a subsidiary of its own subsidiary.</source>
        <translation>Le groupe deviendrait la filiale de sa propre filiale.</translation>
    </message>
    <message>
        <source>This would create a cycle.</source>
        <translation>Cela créerait une boucle.</translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation>La valeur doit être comprise entre %1 et %2.</translation>
    </message>
    <message>
        <source>Must be at least %1.</source>
        <translation>La valeur doit être supérieure ou égale à %1.</translation>
    </message>
    <message>
        <source>Must be at most %1.</source>
        <translation>La valeur doit être inférieure ou égale à %1.</translation>
    </message>
    <message>
        <source>Out of range.</source>
        <translation>Valeur hors limites.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>%n caractère au maximum.</numerusform>
            <numerusform>%n caractères au maximum.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This group still has %n subsidiary(ies): move or delete them first.</source>
        <translation>
            <numerusform>Ce groupe a encore %n filiale&#xa0;: déplacez-la ou supprimez-la d&apos;abord.</numerusform>
            <numerusform>Ce groupe a encore %n filiales&#xa0;: déplacez-les ou supprimez-les d&apos;abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>Not a web address (e.g. www.example.com).</source>
        <translation>Adresse web non valide (ex.&#xa0;: www.exemple.fr).</translation>
    </message>
    <message>
        <source>Not an email address (e.g. name@example.com).</source>
        <translation>Adresse e-mail non valide (ex.&#xa0;: nom@exemple.fr).</translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation>Nombre entier attendu.</translation>
    </message>
    <message>
        <source>Not an amount (e.g. 150 000,00).</source>
        <translation>Montant non valide (ex.&#xa0;: 150 000,00).</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Le montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>Not a valid date: use DD/MM/YYYY or YYYY-MM-DD.</source>
        <translation>Date non valide&#xa0;: utilisez JJ/MM/AAAA ou AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>Not a valid date and time (DD/MM/YYYY HH:MM).</source>
        <translation>Date et heure non valides (JJ/MM/AAAA HH:MM).</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>Choisissez l&apos;une des valeurs proposées.</translation>
    </message>
    <message>
        <source>Expected yes or no.</source>
        <translation>Valeur attendue&#xa0;: oui ou non.</translation>
    </message>
    <message>
        <source>“%1” is not a mail domain (e.g. renault.fr).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un domaine de messagerie (ex.&#xa0;: renault.fr).</translation>
    </message>
    <message>
        <source>Unknown field “%1”.</source>
        <translation>Champ inconnu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>An account cannot be its own group.</source>
        <translation>Un compte ne peut pas être son propre groupe.</translation>
    </message>
    <message>
        <source>The manager must work at the same account.</source>
        <translation>Le N+1 doit appartenir au même compte.</translation>
    </message>
    <message>
        <source>“%1” needs these MEDDIC items first: %2.</source>
        <translation>« %1 » exige d&apos;abord ces éléments MEDDIC : %2.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>il y a %n mois</numerusform>
            <numerusform>il y a %n mois</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HierarchyModel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Revenue %1</source>
        <translation>CA %1</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Revenue this year (for a group, including its subsidiaries)</source>
        <translation>CA de l&apos;année (pour un groupe, filiales comprises)</translation>
    </message>
    <message>
        <source>Open pipeline (for a group, including its subsidiaries)</source>
        <translation>Pipeline ouvert (pour un groupe, filiales comprises)</translation>
    </message>
    <message>
        <source>This account: %1
With its subsidiaries: %2</source>
        <translation>Ce compte&#xa0;: %1
Avec ses filiales&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Importing mail</source>
        <translation>Import d&apos;e-mails</translation>
    </message>
    <message>
        <source>Importing mail…</source>
        <translation>Import des e-mails…</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <source>You can keep working: views update as mail arrives.</source>
        <translation>Vous pouvez continuer à travailler : les vues se mettent à jour au fil de l&apos;import.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>Annulation après le lot en cours…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Mail import</source>
        <translation>Import d&apos;e-mails</translation>
    </message>
    <message>
        <source>Import cancelled: the mail imported until then is kept.</source>
        <translation>Import annulé : les e-mails importés jusque-là sont conservés.</translation>
    </message>
    <message>
        <source>Mail import finished</source>
        <translation>Import d&apos;e-mails terminé</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Non importés</translation>
    </message>
    <message>
        <source>Imported, but not read completely</source>
        <translation>Importés, mais pas lus entièrement</translation>
    </message>
    <message numerus="yes">
        <source>Review the %n email(s) waiting</source>
        <translation>
            <numerusform>Trier %n e-mail en attente</numerusform>
            <numerusform>Trier les %n e-mails en attente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Log activity — %1</source>
        <translation>Nouvelle interaction — %1</translation>
    </message>
    <message>
        <source>Edit activity — %1</source>
        <translation>Modifier l&apos;interaction — %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>e.g. Renewal of the framework contract</source>
        <translation>ex.&#xa0;: Renouvellement du contrat-cadre</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucune —</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>KanbanBoard</name>
    <message>
        <source>%1 open · %2 · %3 weighted</source>
        <translation>%1 en cours · %2 · %3 pondéré</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>le déplacement de %1</translation>
    </message>
    <message>
        <source>Move refused</source>
        <translation>Déplacement refusé</translation>
    </message>
    <message>
        <source>“%1” needs these MEDDIC items first: %2.</source>
        <translation>Renseignez d&apos;abord ces critères MEDDIC pour «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <source>A reason is needed to close the opportunity.</source>
        <translation>Indiquez une raison pour clore l&apos;affaire.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Large account</source>
        <translation>Grand compte</translation>
    </message>
    <message>
        <source>Key / strategic account</source>
        <translation>Compte clé / stratégique</translation>
    </message>
    <message>
        <source>Standard account</source>
        <translation>Compte standard</translation>
    </message>
    <message>
        <source>Economic buyer</source>
        <translation>Décideur économique</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Décideur final</translation>
    </message>
    <message>
        <source>Technical prescriber</source>
        <translation>Prescripteur technique</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>Influenceur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>Filtre / barrage</translation>
    </message>
    <message>
        <source>Opponent</source>
        <translation>Opposant</translation>
    </message>
    <message>
        <source>Sceptic</source>
        <translation>Sceptique</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>Soutien</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Champion</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Quote sent</source>
        <translation>Devis envoyé</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Support ticket</source>
        <translation>Ticket SAV</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Sortant</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Devis</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gagnée</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdue</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Impayée</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Revenue and share of our revenue</source>
        <translation>CA et part du CA</translation>
    </message>
    <message>
        <source>Growth potential</source>
        <translation>Potentiel de croissance</translation>
    </message>
    <message>
        <source>Organisational complexity</source>
        <translation>Complexité de l&apos;organisation</translation>
    </message>
    <message>
        <source>Strategic value</source>
        <translation>Valeur stratégique</translation>
    </message>
    <message>
        <source>Long-term relationship</source>
        <translation>Relation dans la durée</translation>
    </message>
</context>
<context>
    <name>LinesField</name>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total ligne</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>Retirer la ligne</translation>
    </message>
    <message>
        <source>— choose a product —</source>
        <translation>— choisissez un produit —</translation>
    </message>
    <message>
        <source>(no longer available)</source>
        <translation>(plus disponible)</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link email</source>
        <translation>Rattacher l&apos;e-mail</translation>
    </message>
    <message>
        <source>Link “%1” to:</source>
        <translation>Rattacher « %1 » à :</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>The whole conversation (%1)</source>
        <translation>Toute la conversation (%1)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Rattacher</translation>
    </message>
    <message>
        <source>— no particular contact —</source>
        <translation>— aucun interlocuteur en particulier —</translation>
    </message>
    <message>
        <source>— no opportunity —</source>
        <translation>— aucune affaire —</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>Suggestion : %1</translation>
    </message>
    <message>
        <source>On %1: which opportunity?</source>
        <translation>Sur %1 : quelle affaire ?</translation>
    </message>
    <message>
        <source>No match: link it by hand or ignore the sender</source>
        <translation>Aucune piste : à rattacher à la main ou à ignorer</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>same conversation as an email already linked</source>
        <translation>même conversation qu&apos;un e-mail déjà rattaché</translation>
    </message>
    <message>
        <source>the address of a known contact</source>
        <translation>adresse d&apos;un interlocuteur connu</translation>
    </message>
    <message>
        <source>same contact&apos;s only open opportunity</source>
        <translation>seule affaire en cours de cet interlocuteur</translation>
    </message>
    <message>
        <source>the sender&apos;s domain belongs to the account</source>
        <translation>domaine de l&apos;expéditeur rattaché au compte</translation>
    </message>
    <message>
        <source>linked by hand</source>
        <translation>rattaché manuellement</translation>
    </message>
    <message>
        <source>the sender is ignored</source>
        <translation>expéditeur ignoré</translation>
    </message>
    <message>
        <source>Not linked: the sender is ignored.</source>
        <translation>Non rattaché : l&apos;expéditeur est ignoré.</translation>
    </message>
    <message>
        <source>Linked to %1, waiting for you to choose the opportunity.</source>
        <translation>Rattaché à %1, en attente du choix de l&apos;affaire.</translation>
    </message>
    <message>
        <source>Not linked yet: waiting in the review queue.</source>
        <translation>Pas encore rattaché : en attente dans « À trier ».</translation>
    </message>
    <message>
        <source>Not linked.</source>
        <translation>Non rattaché.</translation>
    </message>
    <message>
        <source>Linked to %1</source>
        <translation>Rattaché à %1</translation>
    </message>
    <message>
        <source>(rule: %1)</source>
        <translation>(règle : %1)</translation>
    </message>
    <message>
        <source>(unknown sender)</source>
        <translation>(expéditeur inconnu)</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>À %1</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password. Check them and try again.</source>
        <translation>Le serveur de messagerie a refusé l&apos;identifiant ou le mot de passe. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>The mail server “%1” was not found. Check its name.</source>
        <translation>Le serveur de messagerie « %1 » est introuvable. Vérifiez son nom.</translation>
    </message>
    <message>
        <source>Could not reach the mail server “%1”. Check the network connection and the port.</source>
        <translation>Impossible de joindre le serveur de messagerie « %1 ». Vérifiez la connexion réseau et le port.</translation>
    </message>
    <message>
        <source>The mail server “%1” did not answer in time.</source>
        <translation>Le serveur de messagerie « %1 » n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The certificate of the mail server “%1” could not be verified. If your company uses its own certificate, choose it as the trusted certificate file.</source>
        <translation>Le certificat du serveur de messagerie « %1 » n&apos;a pas pu être vérifié. Si votre entreprise utilise son propre certificat, choisissez-le comme certificat de confiance.</translation>
    </message>
    <message>
        <source>The encrypted connection to “%1” failed. Check the security setting (SSL or STARTTLS) and the port.</source>
        <translation>La connexion chiffrée à « %1 » a échoué. Vérifiez la sécurité (SSL ou STARTTLS) et le port.</translation>
    </message>
    <message>
        <source>A chosen folder no longer exists on the server: load the folders again.</source>
        <translation>Un dossier choisi n&apos;existe plus sur le serveur : rechargez les dossiers.</translation>
    </message>
    <message>
        <source>The mail server “%1” closed the connection. Try again later.</source>
        <translation>Le serveur de messagerie « %1 » a fermé la connexion. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The mail server “%1” refused a request: %2</source>
        <translation>Le serveur de messagerie « %1 » a refusé une requête : %2</translation>
    </message>
    <message>
        <source>This computer has no secure system keyring that kamdesk can use, so the password is not remembered: kamdesk asks for it each time it fetches mail.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système sécurisé utilisable par kamdesk : le mot de passe n&apos;est pas mémorisé, kamdesk le demande à chaque relève.</translation>
    </message>
</context>
<context>
    <name>MailAccountsDialog</name>
    <message>
        <source>Mail accounts</source>
        <translation>Comptes de messagerie</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>e.g. imap.example.com</source>
        <translation>ex. imap.example.com</translation>
    </message>
    <message>
        <source>SSL/TLS (recommended)</source>
        <translation>SSL/TLS (recommandé)</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Usually your email address</source>
        <translation>En général votre adresse e-mail</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Mémoriser dans le trousseau système</translation>
    </message>
    <message>
        <source>Checking the system keyring…</source>
        <translation>Vérification du trousseau système…</translation>
    </message>
    <message>
        <source>Only for a company&apos;s own certificate</source>
        <translation>Seulement pour un certificat propre à l&apos;entreprise</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Load folders</source>
        <translation>Charger les dossiers</translation>
    </message>
    <message>
        <source>Ask the server for its folders (needs the password)</source>
        <translation>Demander ses dossiers au serveur (mot de passe nécessaire)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation>Certificat de confiance</translation>
    </message>
    <message>
        <source>Folders to fetch</source>
        <translation>Dossiers à relever</translation>
    </message>
    <message>
        <source>Where kamdesk fetches your mail</source>
        <translation>Où kamdesk relève vos e-mails</translation>
    </message>
    <message>
        <source>Last fetch failed: %1</source>
        <translation>Échec de la dernière relève : %1</translation>
    </message>
    <message>
        <source>Last fetched: %1</source>
        <translation>Dernière relève : %1</translation>
    </message>
    <message>
        <source>Kept in the system keyring</source>
        <translation>Conservé dans le trousseau système</translation>
    </message>
    <message>
        <source>Asked at each fetch</source>
        <translation>Demandé à chaque relève</translation>
    </message>
    <message>
        <source>A new mail account: fill in the server and the user name.</source>
        <translation>Nouveau compte de messagerie : indiquez le serveur et l&apos;identifiant.</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring, never in kamdesk&apos;s files.</source>
        <translation>Le mot de passe est conservé dans le trousseau système, jamais dans les fichiers de kamdesk.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Type the password to load the folders.</source>
        <translation>Saisissez le mot de passe pour charger les dossiers.</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) on the server: tick those to fetch.</source>
        <translation>
            <numerusform>%n dossier sur le serveur : cochez ceux à relever.</numerusform>
            <numerusform>%n dossiers sur le serveur : cochez ceux à relever.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>The settings are saved, but not the password: %1</source>
        <translation>Les réglages sont enregistrés, mais pas le mot de passe : %1</translation>
    </message>
</context>
<context>
    <name>MailActions</name>
    <message>
        <source>Link conversation %1</source>
        <translation>le rattachement de la conversation %1</translation>
    </message>
    <message>
        <source>Link email %1</source>
        <translation>le rattachement de l&apos;e-mail %1</translation>
    </message>
    <message>
        <source>Unlink conversation %1</source>
        <translation>le détachement de la conversation %1</translation>
    </message>
    <message>
        <source>Unlink email %1</source>
        <translation>le détachement de l&apos;e-mail %1</translation>
    </message>
    <message>
        <source>Ignore sender %1</source>
        <translation>l&apos;exclusion de l&apos;expéditeur %1</translation>
    </message>
    <message>
        <source>New contact %1 from an email</source>
        <translation>la création de l&apos;interlocuteur %1 depuis un e-mail</translation>
    </message>
</context>
<context>
    <name>MailFetcher</name>
    <message>
        <source>Fetch mail</source>
        <translation>Relever les e-mails</translation>
    </message>
    <message>
        <source>No mail account is set up yet. Set one up now?</source>
        <translation>Aucun compte de messagerie n&apos;est configuré. En configurer un maintenant ?</translation>
    </message>
    <message>
        <source>Password for %1 on %2:</source>
        <translation>Mot de passe de %1 sur %2 :</translation>
    </message>
    <message>
        <source>Fetching mail</source>
        <translation>Relève des e-mails</translation>
    </message>
    <message>
        <source>Fetching mail from %1…</source>
        <translation>Relève des e-mails de %1…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 new messages · %4</source>
        <translation>%1 : %2 sur %3 nouveaux messages · %4</translation>
    </message>
    <message>
        <source>Mail fetched from %1: %2</source>
        <translation>E-mails relevés sur %1 : %2</translation>
    </message>
    <message>
        <source>Mail from %1</source>
        <translation>E-mails de %1</translation>
    </message>
    <message>
        <source>No new mail on %1.</source>
        <translation>Aucun nouvel e-mail sur %1.</translation>
    </message>
    <message>
        <source>Mail not fetched from %1: %2</source>
        <translation>E-mails non relevés sur %1 : %2</translation>
    </message>
    <message>
        <source>%1

The mail fetched before is kept; the next fetch resumes there.</source>
        <translation>%1

Les e-mails déjà relevés sont conservés ; la prochaine relève reprendra à partir de là.</translation>
    </message>
</context>
<context>
    <name>MailImportRunner</name>
    <message>
        <source>Import mail</source>
        <translation>Importer des e-mails</translation>
    </message>
    <message>
        <source>Import mail files (.eml, .msg, .mbox) or a whole folder of mail?</source>
        <translation>Importer des fichiers d&apos;e-mails (.eml, .msg, .mbox) ou tout un dossier ?</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Des fichiers…</translation>
    </message>
    <message>
        <source>A folder…</source>
        <translation>Un dossier…</translation>
    </message>
    <message>
        <source>Import mail files</source>
        <translation>Importer des fichiers d&apos;e-mails</translation>
    </message>
    <message>
        <source>Mail (*.eml *.msg *.mbox *.mbx *.mht);;All files (*)</source>
        <translation>E-mails (*.eml *.msg *.mbox *.mbx *.mht);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import a folder of mail</source>
        <translation>Importer un dossier d&apos;e-mails</translation>
    </message>
    <message>
        <source>Mail import</source>
        <translation>Import d&apos;e-mails</translation>
    </message>
    <message>
        <source>The import stopped: %1

The mail imported before is kept.</source>
        <translation>L&apos;import s&apos;est arrêté : %1

Les e-mails déjà importés sont conservés.</translation>
    </message>
</context>
<context>
    <name>MailPanel</name>
    <message>
        <source>Import mail…</source>
        <translation>Importer des e-mails…</translation>
    </message>
    <message>
        <source>Import .eml, .msg or .mbox files, or drop them on this tab</source>
        <translation>Importez des fichiers .eml, .msg ou .mbox, ou déposez-les sur cet onglet</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Tous les interlocuteurs</translation>
    </message>
    <message>
        <source>Choose a conversation to read it here.</source>
        <translation>Choisissez une conversation pour la lire ici.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message>
        <source>No emails with %1.</source>
        <translation>Aucun e-mail avec %1.</translation>
    </message>
    <message>
        <source>No emails here yet.

Drop .eml, .msg or .mbox files (or a folder) on this tab to import them; mail from this account&apos;s contacts and domains is linked automatically.</source>
        <translation>Aucun e-mail pour l&apos;instant.

Déposez des fichiers .eml, .msg ou .mbox (ou un dossier) sur cet onglet pour les importer ; les e-mails des interlocuteurs et des domaines de ce compte sont rattachés automatiquement.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>MailPlurals</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) to review</source>
        <translation>
            <numerusform>%n e-mail à trier</numerusform>
            <numerusform>%n e-mails à trier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) imported</source>
        <translation>
            <numerusform>%n e-mail importé</numerusform>
            <numerusform>%n e-mails importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there (skipped)</source>
        <translation>
            <numerusform>%n déjà présent (ignoré)</numerusform>
            <numerusform>%n déjà présents (ignorés)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n linked automatically</source>
        <translation>
            <numerusform>%n rattaché automatiquement</numerusform>
            <numerusform>%n rattachés automatiquement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting in the review queue</source>
        <translation>
            <numerusform>%n en attente dans « À trier »</numerusform>
            <numerusform>%n en attente dans « À trier »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n from ignored senders</source>
        <translation>
            <numerusform>%n d&apos;un expéditeur ignoré</numerusform>
            <numerusform>%n d&apos;expéditeurs ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be imported</source>
        <translation>
            <numerusform>%n n&apos;a pas pu être importé</numerusform>
            <numerusform>%n n&apos;ont pas pu être importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n imported with a reading problem (kept as received)</source>
        <translation>
            <numerusform>%n importé avec un problème de lecture (conservé tel que reçu)</numerusform>
            <numerusform>%n importés avec un problème de lecture (conservés tels que reçus)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) read</source>
        <translation>
            <numerusform>%n message lu</numerusform>
            <numerusform>%n messages lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kamdesk — %1</source>
        <translation>kamdesk — %1</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Select an account to see its 360° view.</source>
        <translation>Sélectionnez un compte pour afficher sa vue 360°.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <source>&amp;Deleted items…</source>
        <translation>Éléments &amp;supprimés…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About kamdesk</source>
        <translation>À &amp;propos de kamdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>&amp;Import mail…</source>
        <translation>&amp;Importer des e-mails…</translation>
    </message>
    <message>
        <source>&amp;Fetch mail</source>
        <translation>&amp;Relever les e-mails</translation>
    </message>
    <message>
        <source>&amp;Mail accounts…</source>
        <translation>&amp;Comptes de messagerie…</translation>
    </message>
    <message>
        <source>The database file %1 is damaged (%2). Keep working with care and restore the latest copy from the “backups” folder beside it as soon as possible.</source>
        <translation>Le fichier de base de données %1 est endommagé (%2). Travaillez avec prudence et restaurez au plus vite la dernière copie du dossier « backups » situé à côté.</translation>
    </message>
    <message>
        <source>The demo could not be created: %1</source>
        <translation>Impossible de créer la démo&#xa0;: %1</translation>
    </message>
    <message>
        <source>kamdesk</source>
        <translation>kamdesk</translation>
    </message>
    <message>
        <source>About kamdesk</source>
        <translation>À propos de kamdesk</translation>
    </message>
    <message>
        <source>kamdesk %1 — the desktop CRM for key account managers.</source>
        <translation>kamdesk %1 — le CRM de bureau des responsables grands comptes.</translation>
    </message>
</context>
<context>
    <name>Meddic</name>
    <message>
        <source>Metrics</source>
        <translation>Indicateurs chiffrés</translation>
    </message>
    <message>
        <source>Economic buyer</source>
        <translation>Décideur économique</translation>
    </message>
    <message>
        <source>Decision criteria</source>
        <translation>Critères de décision</translation>
    </message>
    <message>
        <source>Decision process</source>
        <translation>Processus de décision</translation>
    </message>
    <message>
        <source>Identified pain</source>
        <translation>Problème identifié</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Champion</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message>
        <source>Link to…</source>
        <translation>Rattacher à…</translation>
    </message>
    <message>
        <source>Link this email to an account, contact or opportunity (Ctrl+L)</source>
        <translation>Rattacher cet e-mail à un compte, un interlocuteur ou une affaire (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <source>Take this email off its records: it goes back to the review queue</source>
        <translation>Détacher cet e-mail de ses fiches : il retourne dans « À trier »</translation>
    </message>
    <message>
        <source>Create contact…</source>
        <translation>Créer l&apos;interlocuteur…</translation>
    </message>
    <message>
        <source>Choose a conversation to read it here.</source>
        <translation>Choisissez une conversation pour la lire ici.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À : %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc : %1</translation>
    </message>
    <message>
        <source>Link elsewhere…</source>
        <translation>Rattacher ailleurs…</translation>
    </message>
    <message>
        <source>%1 is not a contact yet.</source>
        <translation>%1 n&apos;est pas encore un interlocuteur.</translation>
    </message>
    <message>
        <source>Part of this message could not be read (%1). It is kept exactly as received; what could be read is shown below.</source>
        <translation>Une partie de ce message n&apos;a pas pu être lue (%1). Il est conservé tel que reçu ; ce qui a pu être lu est affiché ci-dessous.</translation>
    </message>
    <message>
        <source>Open (a read-only copy); the arrow offers Save as…</source>
        <translation>Ouvrir (une copie en lecture seule) ; la flèche propose Enregistrer sous…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Unlink this email</source>
        <translation>Détacher cet e-mail</translation>
    </message>
    <message>
        <source>Unlink the whole conversation (%1)</source>
        <translation>Détacher toute la conversation (%1)</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>No notes yet. Notes keep what was said and agreed, for the whole team.</source>
        <translation>Aucune note pour l&apos;instant. Les notes gardent la trace de ce qui a été dit et convenu, pour toute l&apos;équipe.</translation>
    </message>
</context>
<context>
    <name>OpportunitiesModel</name>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Signature prévue</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
</context>
<context>
    <name>OpportunityEditor</name>
    <message>
        <source>New opportunity — %1</source>
        <translation>Nouvelle affaire — %1</translation>
    </message>
    <message>
        <source>Opportunity — %1</source>
        <translation>Affaire — %1</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>e.g. Supervision roll-out, 12 sites</source>
        <translation>ex.&#xa0;: Déploiement de la supervision, 12 sites</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Signature prévue</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— personne —</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <source>e.g. Demo to the plant managers</source>
        <translation>ex.&#xa0;: Démo aux directeurs d&apos;usine</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Le</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Product lines</source>
        <translation>Lignes de produits</translation>
    </message>
    <message>
        <source>MEDDIC and buying committee</source>
        <translation>MEDDIC et comité d&apos;achat</translation>
    </message>
    <message>
        <source>MEDDIC</source>
        <translation>MEDDIC</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Complétude</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Indicateurs chiffrés</translation>
    </message>
    <message>
        <source>The gain the customer expects, in figures</source>
        <translation>Le gain attendu par le client, chiffré</translation>
    </message>
    <message>
        <source>Economic buyer</source>
        <translation>Décideur économique</translation>
    </message>
    <message>
        <source>— not identified —</source>
        <translation>— non identifié —</translation>
    </message>
    <message>
        <source>Decision criteria</source>
        <translation>Critères de décision</translation>
    </message>
    <message>
        <source>Decision process</source>
        <translation>Processus de décision</translation>
    </message>
    <message>
        <source>Identified pain</source>
        <translation>Problème identifié</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Champion</translation>
    </message>
    <message>
        <source>Buying committee</source>
        <translation>Comité d&apos;achat</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Historique des étapes</translation>
    </message>
    <message>
        <source>Linked activities</source>
        <translation>Interactions liées</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Why it was won or lost</source>
        <translation>Pourquoi l&apos;affaire a été gagnée ou perdue</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Concurrent</translation>
    </message>
    <message>
        <source>Who won it instead</source>
        <translation>Qui l&apos;a remportée à notre place</translation>
    </message>
    <message>
        <source>(current stage)</source>
        <translation>(étape actuelle)</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Historique (%1)</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Emails (%1)</source>
        <translation>E-mails (%1)</translation>
    </message>
    <message>
        <source>The sum of the product lines</source>
        <translation>La somme des lignes de produits</translation>
    </message>
    <message>
        <source>MEDDIC %1 and buying committee</source>
        <translation>MEDDIC %1 et comité d&apos;achat</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>kamdesk</source>
        <translation>kamdesk</translation>
    </message>
    <message>
        <source>Edit opportunity %1</source>
        <translation>la modification de l&apos;affaire %1</translation>
    </message>
    <message>
        <source>New opportunity %1</source>
        <translation>la création de l&apos;affaire %1</translation>
    </message>
</context>
<context>
    <name>PipelineDashboard</name>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Forecast by month</source>
        <translation>Prévision par mois</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>Trimestres</translation>
    </message>
    <message>
        <source>Forecast by quarter</source>
        <translation>Prévision par trimestre</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Show the figures as tables</source>
        <translation>Afficher les chiffres sous forme de tableaux</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Save the dashboard, or one chart, as a PNG image</source>
        <translation>Enregistrer le tableau de bord, ou un graphique, en image PNG</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Open pipeline&lt;/b&gt; %1 (%2 opportunities) &amp;nbsp;·&amp;nbsp; &lt;b&gt;Weighted&lt;/b&gt; %3 &amp;nbsp;·&amp;nbsp; &lt;b&gt;Won, last 12 months&lt;/b&gt; %4 &amp;nbsp;·&amp;nbsp; &lt;b&gt;Win rate&lt;/b&gt; %5 &amp;nbsp;&lt;span style=&apos;color:#64748b&apos;&gt;(amounts in %6)&lt;/span&gt;</source>
        <translation>&lt;b&gt;Pipeline ouvert&lt;/b&gt; %1 (%2 affaires) &amp;nbsp;·&amp;nbsp; &lt;b&gt;Pondéré&lt;/b&gt; %3 &amp;nbsp;·&amp;nbsp; &lt;b&gt;CA gagné sur 12 mois&lt;/b&gt; %4 &amp;nbsp;·&amp;nbsp; &lt;b&gt;Taux de transformation&lt;/b&gt; %5 &amp;nbsp;&lt;span style=&apos;color:#64748b&apos;&gt;(montants en %6)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The figures could not be computed.</source>
        <translation>Impossible de calculer les chiffres.</translation>
    </message>
    <message>
        <source>Whole dashboard…</source>
        <translation>Tout le tableau de bord…</translation>
    </message>
    <message>
        <source>Chart: %1…</source>
        <translation>Graphique&#xa0;: %1…</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Exporter en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>Open and weighted pipeline by stage</source>
        <translation>Pipeline ouvert et pondéré par étape</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Pipeline ouvert</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>Pipeline pondéré</translation>
    </message>
    <message>
        <source>Weighted forecast and won revenue</source>
        <translation>Prévision pondérée et CA gagné</translation>
    </message>
    <message>
        <source>Weighted forecast</source>
        <translation>Prévision pondérée</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>CA gagné</translation>
    </message>
    <message>
        <source>Won a year earlier</source>
        <translation>CA gagné N-1</translation>
    </message>
    <message>
        <source>Win rate by stage reached</source>
        <translation>Taux de transformation par étape atteinte</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Taux de transformation</translation>
    </message>
    <message>
        <source>Average days in stage</source>
        <translation>Nombre moyen de jours par étape</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Weighted pipeline by key account manager</source>
        <translation>Pipeline pondéré par responsable grands comptes (KAM)</translation>
    </message>
    <message>
        <source>Won, last 12 months</source>
        <translation>CA gagné sur 12 mois</translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation>Pipeline par étape</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Key account manager</source>
        <translation>KAM</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>Affaires en cours</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
</context>
<context>
    <name>PipelineSettings</name>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gagnée</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdue</translation>
    </message>
    <message>
        <source>“%1” still holds %2 opportunity(ies): move them to another stage first.</source>
        <translation>«&#xa0;%1&#xa0;» contient encore %2 affaire(s)&#xa0;: déplacez-les d&apos;abord vers une autre étape.</translation>
    </message>
    <message>
        <source>A pipeline needs at least one open stage: new opportunities start there.</source>
        <translation>Un pipeline doit comporter au moins une étape ouverte&#xa0;: les nouvelles affaires y démarrent.</translation>
    </message>
</context>
<context>
    <name>PipelineSettingsDialog</name>
    <message>
        <source>Pipelines and stages</source>
        <translation>Pipelines et étapes</translation>
    </message>
    <message>
        <source>Add a pipeline</source>
        <translation>Ajouter un pipeline</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Default probability</source>
        <translation>Probabilité par défaut</translation>
    </message>
    <message>
        <source>Stalled after</source>
        <translation>En sommeil après</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Required MEDDIC</source>
        <translation>MEDDIC requis</translation>
    </message>
    <message>
        <source>Add a stage</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Delete the stage</source>
        <translation>Supprimer l&apos;étape</translation>
    </message>
    <message>
        <source>Required before entering the stage</source>
        <translation>Requis avant d&apos;entrer dans l&apos;étape</translation>
    </message>
    <message>
        <source>The board refuses to move an opportunity into this stage until these MEDDIC items are filled in.</source>
        <translation>Le tableau refuse de déplacer une affaire vers cette étape tant que ces critères MEDDIC ne sont pas renseignés.</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Stages of “%1”</source>
        <translation>Étapes de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Required before entering “%1”</source>
        <translation>Requis avant d&apos;entrer dans «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Edit stage %1</source>
        <translation>la modification de l&apos;étape %1</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Nouvelle étape</translation>
    </message>
    <message>
        <source>New stage %1</source>
        <translation>la création de l&apos;étape %1</translation>
    </message>
    <message>
        <source>Move stage %1</source>
        <translation>le déplacement de l&apos;étape %1</translation>
    </message>
    <message>
        <source>Delete stage %1</source>
        <translation>la suppression de l&apos;étape %1</translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation>Nouveau pipeline</translation>
    </message>
    <message>
        <source>New pipeline %1</source>
        <translation>la création du pipeline %1</translation>
    </message>
    <message>
        <source>Rename pipeline %1</source>
        <translation>le renommage du pipeline %1</translation>
    </message>
</context>
<context>
    <name>ProbabilityField</name>
    <message>
        <source>Use the stage default (%1 %)</source>
        <translation>Valeur par défaut de l&apos;étape (%1&#xa0;%)</translation>
    </message>
</context>
<context>
    <name>Qualification</name>
    <message>
        <source>less than a year</source>
        <translation>moins d&apos;un an</translation>
    </message>
    <message>
        <source>about a year</source>
        <translation>environ un an</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>atout fort</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>atout modéré</translation>
    </message>
    <message>
        <source>Invoiced this year with subsidiaries: %1, %2 of our revenue</source>
        <translation>Facturé cette année, filiales comprises&#xa0;: %1, soit %2 de notre CA</translation>
    </message>
    <message>
        <source>Invoiced this year: %1, %2 of our revenue</source>
        <translation>Facturé cette année&#xa0;: %1, soit %2 de notre CA</translation>
    </message>
    <message>
        <source>Above the large-account threshold (%1 and %2 of our revenue)</source>
        <translation>Au-dessus du seuil grand compte (%1 et %2 de notre CA)</translation>
    </message>
    <message>
        <source>Below the large-account threshold (%1 and %2 of our revenue)</source>
        <translation>En dessous du seuil grand compte (%1 et %2 de notre CA)</translation>
    </message>
    <message>
        <source>Revenue with subsidiaries: %1 on last year</source>
        <translation>CA filiales comprises&#xa0;: %1 par rapport à l&apos;an dernier</translation>
    </message>
    <message>
        <source>Revenue: %1 on last year</source>
        <translation>CA&#xa0;: %1 par rapport à l&apos;an dernier</translation>
    </message>
    <message>
        <source>Open pipeline with subsidiaries: %1 (%2 of this year&apos;s revenue)</source>
        <translation>Pipeline ouvert, filiales comprises&#xa0;: %1 (%2 du CA de l&apos;année)</translation>
    </message>
    <message>
        <source>Open pipeline: %1 (%2 of this year&apos;s revenue)</source>
        <translation>Pipeline ouvert&#xa0;: %1 (%2 du CA de l&apos;année)</translation>
    </message>
    <message>
        <source>Estimated potential: %1 a year</source>
        <translation>Potentiel estimé&#xa0;: %1 par an</translation>
    </message>
    <message>
        <source>Key account manager&apos;s assessment: %1 out of 4</source>
        <translation>Appréciation du KAM&#xa0;: %1 sur 4</translation>
    </message>
    <message>
        <source>Sites across the group: %1</source>
        <translation>Sites dans l&apos;ensemble du groupe&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sites: %1</source>
        <translation>Sites&#xa0;: %1</translation>
    </message>
    <message>
        <source>Subsidiaries: %1</source>
        <translation>Filiales&#xa0;: %1</translation>
    </message>
    <message>
        <source>Decision makers and influencers mapped across the group: %1 (large accounts have 5 to 15)</source>
        <translation>Décideurs et influenceurs cartographiés dans le groupe&#xa0;: %1 (5 à 15 pour un grand compte)</translation>
    </message>
    <message>
        <source>Decision makers and influencers mapped: %1 (large accounts have 5 to 15)</source>
        <translation>Décideurs et influenceurs cartographiés&#xa0;: %1 (5 à 15 pour un grand compte)</translation>
    </message>
    <message>
        <source>Reference value: a name that opens doors (%1)</source>
        <translation>Référence&#xa0;: un nom qui ouvre des portes (%1)</translation>
    </message>
    <message>
        <source>Innovation: develops new solutions with us (%1)</source>
        <translation>Innovation&#xa0;: co-développe de nouvelles solutions avec nous (%1)</translation>
    </message>
    <message>
        <source>Network: introduces us to other groups (%1)</source>
        <translation>Réseau&#xa0;: nous introduit auprès d&apos;autres groupes (%1)</translation>
    </message>
    <message>
        <source>Stability: secure, recurring revenue (%1)</source>
        <translation>Stabilité&#xa0;: CA récurrent et sécurisé (%1)</translation>
    </message>
    <message>
        <source>No strategic value recorded yet (reference, innovation, network, stability)</source>
        <translation>Aucune valeur stratégique renseignée pour l&apos;instant (référence, innovation, réseau, stabilité)</translation>
    </message>
    <message>
        <source>Customer for %1</source>
        <translation>Client depuis %1</translation>
    </message>
    <message>
        <source>Contract renewals: %1</source>
        <translation>Renouvellements de contrat&#xa0;: %1</translation>
    </message>
    <message>
        <source>No fixed-term contract on record</source>
        <translation>Aucun contrat à durée déterminée enregistré</translation>
    </message>
    <message>
        <source>Longest contract: %1</source>
        <translation>Contrat le plus long&#xa0;: %1</translation>
    </message>
    <message>
        <source>Meets the revenue threshold, with a complex or long-standing relationship</source>
        <translation>Atteint le seuil de CA, avec une relation complexe ou ancienne</translation>
    </message>
    <message>
        <source>Strategic value or growth potential outweighs current revenue</source>
        <translation>La valeur stratégique ou le potentiel de croissance priment sur le CA actuel</translation>
    </message>
    <message>
        <source>Neither the revenue threshold nor enough strategic value</source>
        <translation>Ni le seuil de CA, ni une valeur stratégique suffisante</translation>
    </message>
    <message>
        <source>%1 out of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>QualificationPanel</name>
    <message>
        <source>Suggested tier</source>
        <translation>Catégorie suggérée</translation>
    </message>
    <message>
        <source>Total score</source>
        <translation>Score total</translation>
    </message>
    <message>
        <source>Currently: %1</source>
        <translation>Actuellement&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>New account %1</source>
        <translation>la création du compte %1</translation>
    </message>
    <message>
        <source>Edit account %1</source>
        <translation>la modification du compte %1</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is the group of %n subsidiary(ies): move or delete them first.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» est le groupe de %n filiale&#xa0;: déplacez-la ou supprimez-la d&apos;abord.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» est le groupe de %n filiales&#xa0;: déplacez-les ou supprimez-les d&apos;abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Delete the account “%1”?

You can undo this (Edit ▸ Undo) or restore the account later.</source>
        <translation>Supprimer le compte «&#xa0;%1&#xa0;»&#xa0;?

Vous pourrez annuler la suppression (Édition&#xa0;▸&#xa0;Annuler) ou restaurer le compte plus tard.</translation>
    </message>
    <message>
        <source>Delete account %1</source>
        <translation>la suppression du compte %1</translation>
    </message>
    <message>
        <source>New site %1</source>
        <translation>la création du site %1</translation>
    </message>
    <message>
        <source>Edit site %1</source>
        <translation>la modification du site %1</translation>
    </message>
    <message>
        <source>Delete the site “%1”?

You can undo this (Edit ▸ Undo) or restore the site later.</source>
        <translation>Supprimer le site «&#xa0;%1&#xa0;»&#xa0;?

Vous pourrez annuler la suppression (Édition&#xa0;▸&#xa0;Annuler) ou restaurer le site plus tard.</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>Supprimer le site</translation>
    </message>
    <message>
        <source>Delete site %1</source>
        <translation>la suppression du site %1</translation>
    </message>
    <message>
        <source>New contact %1</source>
        <translation>la création de l&apos;interlocuteur %1</translation>
    </message>
    <message>
        <source>Edit contact %1</source>
        <translation>la modification de l&apos;interlocuteur %1</translation>
    </message>
    <message>
        <source>Delete the contact “%1”?

You can undo this (Edit ▸ Undo) or restore the contact later.</source>
        <translation>Supprimer l&apos;interlocuteur «&#xa0;%1&#xa0;»&#xa0;?

Vous pourrez annuler la suppression (Édition&#xa0;▸&#xa0;Annuler) ou restaurer l&apos;interlocuteur plus tard.</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Supprimer l&apos;interlocuteur</translation>
    </message>
    <message>
        <source>Delete contact %1</source>
        <translation>la suppression de l&apos;interlocuteur %1</translation>
    </message>
    <message>
        <source>Log activity %1</source>
        <translation>la saisie de l&apos;interaction «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Edit activity %1</source>
        <translation>la modification de l&apos;interaction «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Delete the activity “%1”?

You can undo this (Edit ▸ Undo) or restore the activity later.</source>
        <translation>Supprimer l&apos;interaction «&#xa0;%1&#xa0;»&#xa0;?

Vous pourrez annuler la suppression (Édition&#xa0;▸&#xa0;Annuler) ou restaurer l&apos;interaction plus tard.</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Supprimer l&apos;interaction</translation>
    </message>
    <message>
        <source>Delete activity %1</source>
        <translation>la suppression de l&apos;interaction «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>kamdesk</source>
        <translation>kamdesk</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>RecordKinds</name>
    <message>
        <source>account</source>
        <translation>compte</translation>
    </message>
    <message>
        <source>site</source>
        <translation>site</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>interlocuteur</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>interaction</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>pièce jointe</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>To review</source>
        <translation>À trier</translation>
    </message>
    <message>
        <source>Link to:</source>
        <translation>Rattacher à :</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <source>Choose the account, contact and opportunity (Ctrl+L)</source>
        <translation>Choisir le compte, l&apos;interlocuteur et l&apos;affaire (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <source>Create contact…</source>
        <translation>Créer l&apos;interlocuteur…</translation>
    </message>
    <message>
        <source>Make a contact of the sender and link their mail to it (Ctrl+Shift+C)</source>
        <translation>Créer l&apos;interlocuteur à partir de l&apos;expéditeur et lui rattacher ses e-mails (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Ignore sender</source>
        <translation>Ignorer l&apos;expéditeur</translation>
    </message>
    <message>
        <source>Never link mail from this address; its waiting mail leaves the queue (Delete)</source>
        <translation>Ne plus rattacher les e-mails de cette adresse ; ceux en attente quittent « À trier » (Suppr)</translation>
    </message>
    <message>
        <source>Enter: first suggestion · Ctrl+L: other · Delete: ignore sender · ↑↓: next</source>
        <translation>Entrée : première suggestion · Ctrl+L : autre · Suppr : ignorer l&apos;expéditeur · ↑↓ : suivant</translation>
    </message>
    <message>
        <source>Or:</source>
        <translation>Ou :</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Rien à trier</translation>
    </message>
    <message>
        <source>Every email is linked to its account, or its sender is ignored.
Mail that no rule can place waits here for you: import mail files or drop them on this page.</source>
        <translation>Chaque e-mail est rattaché à son compte, ou son expéditeur est ignoré.
Les e-mails qu&apos;aucune règle ne sait placer vous attendent ici : importez des fichiers d&apos;e-mails ou déposez-les sur cette page.</translation>
    </message>
    <message>
        <source>%1 (Enter)</source>
        <translation>%1 (Entrée)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Take it off %1: it stays here, to link elsewhere</source>
        <translation>Le détacher de %1 : il reste ici, pour le rattacher ailleurs</translation>
    </message>
    <message>
        <source>The whole conversation (%1)</source>
        <translation>Toute la conversation (%1)</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>Rattacher à %1</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search accounts, contacts, opportunities, activities… (Ctrl+K)</source>
        <translation>Rechercher comptes, interlocuteurs, affaires, interactions… (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search accounts, contacts, opportunities, activities…</source>
        <translation>Rechercher comptes, interlocuteurs, affaires, interactions…</translation>
    </message>
    <message>
        <source>↑↓ to move · ↵ to open · Esc to close</source>
        <translation>↑↓ pour se déplacer · ↵ pour ouvrir · Échap pour fermer</translation>
    </message>
    <message>
        <source>No results for “%1”.</source>
        <translation>Aucun résultat pour « %1 ».</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a name, a company, a deal or words from an activity.</source>
        <translation>Tapez un nom, une entreprise, une affaire ou des mots d&apos;une interaction.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Interlocuteurs</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Affaires</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>more… type on to narrow down</source>
        <translation>plus… continuez à taper pour affiner</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Groupe : %1</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>à trier</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Pipeline &amp;settings…</source>
        <translation>&amp;Paramètres du pipeline…</translation>
    </message>
    <message numerus="yes">
        <source>Mail: %n email(s) to review (Ctrl+4)</source>
        <translation>
            <numerusform>E-mails : %n e-mail à trier (Ctrl+4)</numerusform>
            <numerusform>E-mails : %n e-mails à trier (Ctrl+4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail: nothing to review (Ctrl+4)</source>
        <translation>E-mails : rien à trier (Ctrl+4)</translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <source>This %1 no longer exists: someone may have deleted it meanwhile.</source>
        <translation>Cet élément (%1) n&apos;existe plus&#xa0;: quelqu&apos;un l&apos;a peut-être supprimé entre-temps.</translation>
    </message>
    <message>
        <source>This record was changed since (in another window or by a sync): your undo was not applied, so that nothing is overwritten.</source>
        <translation>Cet enregistrement a été modifié entre-temps (dans une autre fenêtre ou par une synchronisation) : votre annulation n&apos;a pas été appliquée, afin de ne rien écraser.</translation>
    </message>
    <message>
        <source>Its account “%1” is deleted: restore the account first.</source>
        <translation>Son compte « %1 » est supprimé : restaurez d&apos;abord le compte.</translation>
    </message>
    <message>
        <source>The file of “%1” is missing from the data folder. Restore it from a backup or attach it again.</source>
        <translation>Le fichier de « %1 » est absent du dossier de données. Restaurez-le depuis une sauvegarde ou joignez-le à nouveau.</translation>
    </message>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>Le fichier de base de données %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The database file %1 is read-only: kamdesk needs to write to it and to its folder.</source>
        <translation>Le fichier de base de données %1 est en lecture seule : kamdesk doit pouvoir écrire dans ce fichier et dans son dossier.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of kamdesk. Update kamdesk to open it; the file was left untouched.</source>
        <translation>%1 a été écrit par une version plus récente de kamdesk. Mettez kamdesk à jour pour l&apos;ouvrir ; le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>%1 is not a readable kamdesk database (%2). Backups taken by kamdesk are in the “backups” folder beside it.</source>
        <translation>%1 n&apos;est pas une base kamdesk lisible (%2). Les sauvegardes faites par kamdesk sont dans le dossier « backups » situé à côté.</translation>
    </message>
    <message>
        <source>The database is busy (another program is writing to it). Try again in a moment.</source>
        <translation>La base de données est occupée (un autre programme y écrit). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The database file has become read-only: nothing could be saved.</source>
        <translation>Le fichier de base de données est passé en lecture seule : rien n&apos;a pu être enregistré.</translation>
    </message>
    <message>
        <source>The disk is full or failing: nothing could be saved. Free some space.</source>
        <translation>Le disque est plein ou défaillant : rien n&apos;a pu être enregistré. Libérez de l&apos;espace.</translation>
    </message>
    <message>
        <source>The database file is damaged. Close kamdesk and restore the latest copy from the “backups” folder beside it.</source>
        <translation>Le fichier de base de données est endommagé. Fermez kamdesk et restaurez la dernière copie du dossier « backups » situé à côté.</translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation>La base de données a refusé la modification&#xa0;: %1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>Impossible d&apos;enregistrer la modification&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SettledPane</name>
    <message>
        <source>On these fields the newer value was kept. The other one stays readable here, and you can put it back.</source>
        <translation>Sur ces champs, la valeur la plus récente a été conservée. L&apos;autre reste lisible ici, et vous pouvez la rétablir.</translation>
    </message>
    <message>
        <source>Put the replaced value back</source>
        <translation>Rétablir la valeur remplacée</translation>
    </message>
    <message>
        <source>Nothing was settled automatically</source>
        <translation>Aucun conflit tranché automatiquement</translation>
    </message>
    <message>
        <source>In the last %1 days, no change replaced another one.</source>
        <translation>Ces %1 derniers jours, aucune modification n&apos;en a remplacé une autre.</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>Conservé : %1</translation>
    </message>
    <message>
        <source>Replaced: %1</source>
        <translation>Remplacé : %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>no system keyring was found</source>
        <translation>aucun trousseau système n&apos;a été trouvé</translation>
    </message>
    <message>
        <source>the keyring is turned off in its configuration</source>
        <translation>le trousseau est désactivé dans sa configuration</translation>
    </message>
    <message>
        <source>it would keep secrets in a plain file</source>
        <translation>il garderait les secrets dans un simple fichier</translation>
    </message>
    <message>
        <source>it cannot be used on this system</source>
        <translation>il est inutilisable sur ce système</translation>
    </message>
    <message>
        <source>it is not safe enough for secrets</source>
        <translation>il n&apos;est pas assez sûr pour des secrets</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check its address and your connection.</source>
        <translation>Le serveur est injoignable. Vérifiez son adresse et votre connexion.</translation>
    </message>
    <message>
        <source>The user name or the enrolment secret is not right, or the secret was already used. Ask your admin for a new one.</source>
        <translation>L&apos;identifiant ou le code d&apos;activation est incorrect, ou ce code a déjà servi. Demandez-en un nouveau à votre administrateur.</translation>
    </message>
    <message>
        <source>Please update kamdesk: the server runs another version.</source>
        <translation>Mettez kamdesk à jour : le serveur utilise une autre version.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>Sign in to a team server</source>
        <translation>Connexion à un serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>Share your accounts with your team</source>
        <translation>Partagez vos comptes avec votre équipe</translation>
    </message>
    <message>
        <source>kamdesk keeps working offline and sends your changes when the server can be reached. Your admin gives you the server address and a one-time enrolment secret.</source>
        <translation>kamdesk fonctionne hors connexion et envoie vos modifications dès que le serveur est joignable. Votre administrateur vous donne l&apos;adresse du serveur et un code d&apos;activation à usage unique.</translation>
    </message>
    <message>
        <source>e.g. https://crm.example.com</source>
        <translation>ex. https://crm.exemple.fr</translation>
    </message>
    <message>
        <source>As your admin created it</source>
        <translation>Tel que votre administrateur l&apos;a créé</translation>
    </message>
    <message>
        <source>Used once, on this computer</source>
        <translation>Utilisé une seule fois, sur cet ordinateur</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Enrolment secret</source>
        <translation>Code d&apos;activation</translation>
    </message>
    <message>
        <source>Checking the system keyring…</source>
        <translation>Vérification du trousseau système…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Your sign-in will be kept in the system keyring, never in a file.</source>
        <translation>Votre connexion sera conservée dans le trousseau système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>The system keyring is not safe here (%1), so kamdesk will not remember this sign-in: it lasts until you close kamdesk, and next time you will need a new enrolment secret from your admin.</source>
        <translation>Le trousseau système n&apos;est pas sûr ici (%1) : kamdesk ne retiendra pas cette connexion. Elle dure jusqu&apos;à la fermeture de kamdesk ; la prochaine fois, il vous faudra un nouveau code d&apos;activation de votre administrateur.</translation>
    </message>
    <message>
        <source>Sign in for this session</source>
        <translation>Se connecter pour cette session</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>New site</source>
        <translation>Nouveau site</translation>
    </message>
    <message>
        <source>Edit site — %1</source>
        <translation>Modifier le site — %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>e.g. Guyancourt plant</source>
        <translation>ex.&#xa0;: usine de Guyancourt</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>This site is the headquarters</source>
        <translation>Ce site est le siège social</translation>
    </message>
</context>
<context>
    <name>SitesModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>Siège</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>Default probability: %1 %</source>
        <translation>Probabilité par défaut&#xa0;: %1&#xa0;%</translation>
    </message>
    <message>
        <source>Stalled after %1 days without a next step</source>
        <translation>En sommeil après %1 jours sans prochaine action</translation>
    </message>
    <message>
        <source>Shows the deals closed in the last 90 days</source>
        <translation>Affiche les affaires clôturées ces 90 derniers jours</translation>
    </message>
</context>
<context>
    <name>StakeholderMap</name>
    <message>
        <source>Stakeholder map</source>
        <translation>Cartographie des décideurs</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>Organigramme</translation>
    </message>
    <message>
        <source>stances as of %1</source>
        <translation>positions au %1</translation>
    </message>
    <message>
        <source>Strong relationship</source>
        <translation>Relation forte</translation>
    </message>
    <message>
        <source>Medium relationship</source>
        <translation>Relation moyenne</translation>
    </message>
    <message>
        <source>Weak relationship</source>
        <translation>Relation faible</translation>
    </message>
    <message>
        <source>No relationship yet</source>
        <translation>Pas encore de relation</translation>
    </message>
    <message>
        <source>No role set</source>
        <translation>Rôle non renseigné</translation>
    </message>
    <message>
        <source>Has left</source>
        <translation>A quitté l&apos;entreprise</translation>
    </message>
    <message>
        <source>Email bounced</source>
        <translation>E-mail rejeté</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Rattaché à (N+1)</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Niveau d&apos;influence</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Aucun interlocuteur pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Single-threaded: only %1 has a strong relationship with us.</source>
        <translation>Relation à fil unique : seul(e) %1 entretient une relation forte avec nous.</translation>
    </message>
    <message>
        <source>Single-threaded: no contact has a strong relationship with us.</source>
        <translation>Relation fragile : aucun interlocuteur n&apos;entretient de relation forte avec nous.</translation>
    </message>
    <message>
        <source>No economic buyer identified.</source>
        <translation>Aucun décideur économique identifié.</translation>
    </message>
    <message>
        <source>No champion: nobody here actively supports us.</source>
        <translation>Aucun champion : personne ne nous soutient activement.</translation>
    </message>
    <message>
        <source>%1 has gone cold: never contacted.</source>
        <translation>%1 s&apos;est refroidi(e) : jamais contacté(e).</translation>
    </message>
    <message>
        <source>The email address of %1 bounced.</source>
        <translation>L&apos;adresse e-mail de %1 est rejetée.</translation>
    </message>
    <message>
        <source>%1, a key contact, has left.</source>
        <translation>%1, interlocuteur clé, a quitté l&apos;entreprise.</translation>
    </message>
    <message>
        <source>Calls, meetings and emails with this contact over the last %1 days count: a meeting %2 points, a call %3, an email %4. Each activity&apos;s points halve every %5 days; they are multiplied by %6 when the exchange goes both ways. Score = 100 × (1 − e^(−points / %7)). Strong from %8, medium from %9, weak above 0.</source>
        <translation>Comptent les appels, rendez-vous et e-mails avec cet interlocuteur sur les %1 derniers jours : un rendez-vous vaut %2 points, un appel %3, un e-mail %4. Les points de chaque interaction sont divisés par deux tous les %5 jours, et multipliés par %6 quand l&apos;échange va dans les deux sens. Score = 100 × (1 − e^(−points / %7)). Forte à partir de %8, moyenne à partir de %9, faible au-dessus de 0.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Relationship strength: %1/100&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;Force de la relation : %1/100&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>(%1 inbound, %2 outbound)</source>
        <translation>(%1 entrantes, %2 sortantes)</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>Dernier contact : %1</translation>
    </message>
    <message>
        <source>No contact yet.</source>
        <translation>Aucun contact pour l&apos;instant.</translation>
    </message>
    <message>
        <source>How it is computed: %1</source>
        <translation>Mode de calcul : %1</translation>
    </message>
</context>
<context>
    <name>StakeholderMapWidget</name>
    <message>
        <source>Org chart</source>
        <translation>Organigramme</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>Image PNG…</translation>
    </message>
    <message>
        <source>PDF document…</source>
        <translation>Document PDF…</translation>
    </message>
    <message>
        <source>Show stances as they were on an earlier date</source>
        <translation>Afficher les positions telles qu&apos;elles étaient à une date antérieure</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Show every contact or one opportunity&apos;s buying committee</source>
        <translation>Afficher tous les interlocuteurs ou le comité d&apos;achat d&apos;une affaire</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>A champion or decision maker with no activity for longer has gone cold</source>
        <translation>Un champion ou un décideur sans interaction depuis plus longtemps est considéré comme refroidi</translation>
    </message>
    <message>
        <source>Cold after</source>
        <translation>Refroidi après</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Cartographie</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Tous les interlocuteurs</translation>
    </message>
    <message>
        <source>Committee: %1</source>
        <translation>Comité : %1</translation>
    </message>
    <message>
        <source>Stances as of %1</source>
        <translation>Positions au %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>le déplacement de %1</translation>
    </message>
    <message>
        <source>Set the manager of %1</source>
        <translation>le changement de N+1 de %1</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>Modification refusée</translation>
    </message>
    <message>
        <source>Open contact</source>
        <translation>Ouvrir l&apos;interlocuteur</translation>
    </message>
    <message>
        <source>Why this strength?</source>
        <translation>Pourquoi cette force ?</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>Exporter la cartographie</translation>
    </message>
</context>
<context>
    <name>SyncPlurals</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>dans %n min</numerusform>
            <numerusform>dans %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n modification à envoyer</numerusform>
            <numerusform>%n modifications à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept on this computer, waiting to be sent</source>
        <translation>
            <numerusform>%n modification conservée sur cet ordinateur, en attente d&apos;envoi</numerusform>
            <numerusform>%n modifications conservées sur cet ordinateur, en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet stay on this computer and will be sent when you sign in again.</source>
        <translation>
            <numerusform>%n modification pas encore envoyée reste sur cet ordinateur ; elle sera envoyée à votre prochaine connexion.</numerusform>
            <numerusform>%n modifications pas encore envoyées restent sur cet ordinateur ; elles seront envoyées à votre prochaine connexion.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n conflit à trancher</numerusform>
            <numerusform>%n conflits à trancher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To settle (%n)</source>
        <translation>
            <numerusform>Conflits à trancher (%n)</numerusform>
            <numerusform>Conflits à trancher (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settled automatically (last %n day(s))</source>
        <translation>
            <numerusform>Tranchés automatiquement (%n dernier jour)</numerusform>
            <numerusform>Tranchés automatiquement (%n derniers jours)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team server was restored from a backup: %n record(s) you wrote sent to it again.</source>
        <translation>
            <numerusform>Le serveur d&apos;équipe a été restauré depuis une sauvegarde : %n fiche que vous aviez écrite lui a été renvoyée.</numerusform>
            <numerusform>Le serveur d&apos;équipe a été restauré depuis une sauvegarde : %n fiches que vous aviez écrites lui ont été renvoyées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n modification envoyée</numerusform>
            <numerusform>%n modifications envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n reçue</numerusform>
            <numerusform>%n reçues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Not connected to a team server</source>
        <translation>Non connecté à un serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline — your changes are kept and will be sent later</source>
        <translation>Hors connexion — vos modifications sont conservées et seront envoyées plus tard</translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation>Veuillez vous reconnecter</translation>
    </message>
    <message>
        <source>Please update kamdesk</source>
        <translation>Veuillez mettre kamdesk à jour</translation>
    </message>
    <message>
        <source>The system keyring is locked: unlock it to sync</source>
        <translation>Le trousseau système est verrouillé : déverrouillez-le pour synchroniser</translation>
    </message>
    <message>
        <source>The team server has a problem — your changes are kept</source>
        <translation>Le serveur d&apos;équipe rencontre un problème — vos modifications sont conservées</translation>
    </message>
    <message>
        <source>Sync stopped on this computer — your changes are kept</source>
        <translation>Synchronisation interrompue sur cet ordinateur — vos modifications sont conservées</translation>
    </message>
    <message>
        <source>%1; next try %2</source>
        <translation>%1 ; nouvel essai %2</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synchronisé %1</translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s server to share accounts with your team and work offline.</source>
        <translation>Connectez-vous au serveur de votre équipe pour partager vos comptes et travailler hors connexion.</translation>
    </message>
    <message>
        <source>Team server: %1</source>
        <translation>Serveur d&apos;équipe : %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Not signed in (user %1)</source>
        <translation>Non connecté (identifiant %1)</translation>
    </message>
    <message>
        <source>Last successful sync: %1</source>
        <translation>Dernière synchronisation réussie : %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Next automatic sync: %1</source>
        <translation>Prochaine synchronisation automatique : %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Sync finished: %1, %2.</source>
        <translation>Synchronisation terminée : %1, %2.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>dans un instant</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Affaire</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Support ticket</source>
        <translation>Ticket SAV</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Devis</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Business review</source>
        <translation>Revue de compte</translation>
    </message>
    <message>
        <source>Opportunity line</source>
        <translation>Ligne d&apos;affaire</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Deleted while being edited</source>
        <translation>Supprimé pendant une modification</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Enjeux et motivations</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <source>Next step date</source>
        <translation>Date de la prochaine action</translation>
    </message>
    <message>
        <source>Reason won or lost</source>
        <translation>Raison du gain ou de la perte</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Indicateurs chiffrés</translation>
    </message>
    <message>
        <source>Decision criteria</source>
        <translation>Critères de décision</translation>
    </message>
    <message>
        <source>Decision process</source>
        <translation>Processus de décision</translation>
    </message>
    <message>
        <source>Identified pain</source>
        <translation>Problème identifié</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Potential revenue</source>
        <translation>CA potentiel</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>Date de signature prévue</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Concurrent</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>Rôle d&apos;achat</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Niveau d&apos;influence</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Rattaché à (N+1)</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation>Date de renouvellement</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (not on this computer)</source>
        <translation>%1 (absent de cet ordinateur)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>(a record not on this computer)</source>
        <translation>(fiche absente de cet ordinateur)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>(no field)</source>
        <translation>(aucun champ)</translation>
    </message>
    <message>
        <source>Deleted on %1</source>
        <translation>Supprimé le %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Quelqu&apos;un</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchronisation immédiate</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflits…</translation>
    </message>
    <message>
        <source>Sign &amp;in to a team server…</source>
        <translation>Co&amp;nnexion à un serveur d&apos;équipe…</translation>
    </message>
    <message>
        <source>Sign &amp;out of the team server</source>
        <translation>&amp;Déconnexion du serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)…</source>
        <translation>&amp;Conflits (%1)…</translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation>Se déconnecter de %1 ?</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Signed out. The server could not be told; your sign-in ends here anyway.</source>
        <translation>Déconnecté. Le serveur n&apos;a pas pu être prévenu ; votre connexion s&apos;arrête quand même ici.</translation>
    </message>
    <message>
        <source>Signed out of the team server.</source>
        <translation>Déconnecté du serveur d&apos;équipe.</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert le</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu le</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Devis</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>SAV</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>par %1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Activity</source>
        <translation>Interaction</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>No activity matches these filters.</source>
        <translation>Aucune interaction ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Voir&#xa0;:</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>Plus anciennes</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Showing %1 of %2 (filtered)</source>
        <translation>%1 sur %2 (avec filtre)</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Deleted items</source>
        <translation>Éléments supprimés</translation>
    </message>
    <message>
        <source>Deleted accounts, contacts, sites, activities and attachments. Restore puts them back.</source>
        <translation>Comptes, interlocuteurs, sites, interactions et pièces jointes supprimés. «&#xa0;Restaurer&#xa0;» les remet en place.</translation>
    </message>
    <message>
        <source>Nothing has been deleted.</source>
        <translation>Aucun élément supprimé.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>la restauration de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Its account “%1” is deleted too: restore the account first.</source>
        <translation>Son compte «&#xa0;%1&#xa0;» est supprimé lui aussi&#xa0;: restaurez d&apos;abord le compte.</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
</context>
<context>
    <name>ValueCard</name>
    <message>
        <source>Keep this version</source>
        <translation>Garder cette version</translation>
    </message>
    <message>
        <source>Shown in kamdesk now</source>
        <translation>Affichée dans kamdesk</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to kamdesk</source>
        <translation>Bienvenue dans kamdesk</translation>
    </message>
    <message>
        <source>This database is empty. Explore kamdesk with a demo portfolio of French key accounts — groups and subsidiaries, decision makers, opportunities and two years of history — or start with your own accounts.</source>
        <translation>Cette base de données est vide. Découvrez kamdesk avec un portefeuille de démonstration de grands comptes français — groupes et filiales, décideurs, affaires et deux ans d&apos;historique — ou commencez avec vos propres comptes.</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Ouvrir la démo</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Partir de zéro</translation>
    </message>
    <message>
        <source>Creating the demo portfolio…</source>
        <translation>Création du portefeuille de démonstration…</translation>
    </message>
</context>
<context>
    <name>WonLostDialog</name>
    <message>
        <source>Opportunity won</source>
        <translation>Affaire gagnée</translation>
    </message>
    <message>
        <source>Opportunity lost</source>
        <translation>Affaire perdue</translation>
    </message>
    <message>
        <source>“%1” moves to “%2”. Why was it won?</source>
        <translation>«&#xa0;%1&#xa0;» passe en «&#xa0;%2&#xa0;». Pourquoi a-t-elle été gagnée&#xa0;?</translation>
    </message>
    <message>
        <source>“%1” moves to “%2”. Why was it lost?</source>
        <translation>«&#xa0;%1&#xa0;» passe en «&#xa0;%2&#xa0;». Pourquoi a-t-elle été perdue&#xa0;?</translation>
    </message>
    <message>
        <source>e.g. best total cost over 3 years, trusted by the plant managers</source>
        <translation>ex.&#xa0;: meilleur coût total sur 3 ans, confiance des directeurs d&apos;usine</translation>
    </message>
    <message>
        <source>e.g. price 12 % above the competitor, late on the pilot</source>
        <translation>ex.&#xa0;: prix 12&#xa0;% au-dessus du concurrent, retard sur le pilote</translation>
    </message>
    <message>
        <source>Who won the deal (optional)</source>
        <translation>Qui a remporté l&apos;affaire (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Raison&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Competitor:</source>
        <translation>&amp;Concurrent&#xa0;:</translation>
    </message>
    <message>
        <source>Mark as won</source>
        <translation>Marquer gagnée</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Marquer perdue</translation>
    </message>
</context>
</TS>
