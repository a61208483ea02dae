"""Words that carry no topic, folded (see text.fold).

PostgreSQL's stop-word lists of the languages with their own text search
configuration (english, french, german, spanish, italian and portuguese .stop files of
PostgreSQL 15), so that no query word is one a configuration drops: a word PostgreSQL
ignores would otherwise count against a document on PostgreSQL and not on SQLite.
Then a few Polish function words and English question words, which no configuration
drops but which say nothing about what is wanted.
"""

POSTGRES_STOP_WORDS = frozenset(
    """
    a abbia abbiamo abbiano abbiate aber about above ad after again against agl agli ai aie
    aient aies ait al algo algunas algunos all alla alle allem allen aller alles allo als
    also am an anche and ander andere anderem anderen anderer anderes anderm andern anderr
    anders ante antes any ao aos aquela aquelas aquele aqueles aquilo are as at ate au auch
    auf aura aurai auraient aurais aurait auras aurez auriez aurions aurons auront aus aux
    avaient avais avait avec avemmo avendo avesse avessero avessi avessimo aveste avesti
    avete aveva avevamo avevano avevate avevi avevo avez aviez avions avons avra avrai
    avranno avrebbe avrebbero avrei avremmo avremo avreste avresti avrete avro avuta avute
    avuti avuto ayant ayante ayantes ayants ayez ayons be because been before bei being
    below between bin bis bist both but by c can ce ces che chi ci coi col com come como con
    contra contro cual cuando cui d da dagl dagli dai dal dall dalla dalle dallo damit dann
    dans das dass dasselbe dazu de degl degli dei dein deine deinem deinen deiner deines del
    dela delas dele deles dell della delle dello dem demselben den denn denselben depois der
    derer derselbe derselben des desde desselben dessen di dich did die dies diese dieselbe
    dieselben diesem diesen dieser dieses dir do doch does doing don donde dort dos dov dove
    down du durante durch during e each ebbe ebbero ebbi ed ein eine einem einen einer eines
    einig einige einigem einigen einiger einiges einmal el ela elas ele eles ella ellas elle
    ellos em en entre er era erais eram eramos eran erano eras eravamo eravate eres eri ero
    es esa esas ese eso esos essa essas esse essendo esses est esta estaba estabais
    estabamos estaban estabas estad estada estadas estado estados estais estamos estan
    estando estao estar estara estaran estaras estare estareis estaremos estaria estariais
    estariamos estarian estarias estas estava estavam estavamos este esteis esteja estejam
    estejamos estemos esten estes esteve estive estivemos estiver estivera estiveram
    estiveramos estiverem estivermos estivesse estivessem estivessemos esto estos estou
    estoy estuve estuviera estuvierais estuvieramos estuvieran estuvieras estuvieron
    estuviese estuvieseis estuviesemos estuviesen estuvieses estuvimos estuviste estuvisteis
    estuvo et etaient etais etait etant etante etantes etants ete etee etees etes etiez
    etions etwas eu euch eue euer eues eumes eure eurem euren eurent eurer eures eus eusse
    eussent eusses eussiez eussions eut eutes eux faccia facciamo facciano facciate faccio
    facemmo facendo facesse facessero facessi facessimo faceste facesti faceva facevamo
    facevano facevate facevi facevo fai fanno fara farai faranno farebbe farebbero farei
    faremmo faremo fareste faresti farete faro fece fecero feci few foi fomos for fora foram
    foramos forem formos fosse fossem fossemos fossero fossi fossimo foste fosti from fu fue
    fuera fuerais fueramos fueran fueras fueron fuese fueseis fuesemos fuesen fueses fui
    fuimos fuiste fuisteis fumes fummo fur furent furono further fus fusse fussent fusses
    fussiez fussions fut futes gegen gewesen gli ha hab habe habeis haben habia habiais
    habiamos habian habias habida habidas habido habidos habiendo habra habran habras habre
    habreis habremos habria habriais habriamos habrian habrias had hai haja hajam hajamos
    han hanno hao has hasta hat hatte hatten have havemos having hay haya hayais hayamos
    hayan hayas he hei hemos her here hers herself hier him himself hin hinter his ho houve
    houvemos houver houvera houveram houveramos houverao houverei houverem houveremos
    houveria houveriam houveriamos houvermos houvesse houvessem houvessemos how hube hubiera
    hubierais hubieramos hubieran hubieras hubieron hubiese hubieseis hubiesemos hubiesen
    hubieses hubimos hubiste hubisteis hubo i ich if ihm ihn ihnen ihr ihre ihrem ihren
    ihrer ihres il im in indem ins into io is isso ist isto it its itself j ja je jede jedem
    jeden jeder jedes jene jenem jenen jener jenes jetzt just kann kein keine keinem keinen
    keiner keines konnen konnte l la las le lei les leur lhe lhes li lo loro los lui m ma
    machen mais man manche manchem manchen mancher manches mas me mein meine meinem meinen
    meiner meines meme mes mesmo meu meus mi mia mias mich mie miei minha minhas mio mios
    mir mis mit moi mon more most mucho muchos muito muss musste muy my myself n na nach
    nada nao nas ne negl negli nei nel nell nella nelle nello nem ni nicht nichts no noch
    noi non nor nos nosotras nosotros nossa nossas nosso nossos nostra nostre nostri nostro
    not notre nous now nuestra nuestras nuestro nuestros num numa nun nur o ob oder of off
    ohne on once only ont or os other otra otras otro otros ou our ours ourselves out over
    own par para pas pela pelas pelo pelos per perche pero piu poco por porque pour qu qual
    quale quando quanta quante quanti quanto que quella quelle quelli quello quem questa
    queste questi questo qui quien quienes s sa same sao sara sarai saranno sarebbe
    sarebbero sarei saremmo saremo sareste saresti sarete saro se sea seais seamos sean seas
    sehr sei sein seine seinem seinen seiner seines seja sejam sejamos selbst sem sentid
    sentida sentidas sentido sentidos sera serai seraient serais serait seran serao seras
    sere serei sereis seremos serez seria seriais seriam seriamos serian serias seriez
    serions serons seront ses seu seus she should si sia siamo siano siate sich sie siente
    siete sin sind sintiendo so sobre soient sois soit solche solchem solchen solcher
    solches soll sollte some sommes somos son sondern sono sonst sont sou soy soyez soyons
    sta stai stando stanno stara starai staranno starebbe starebbero starei staremmo staremo
    stareste staresti starete staro stava stavamo stavano stavate stavi stavo stemmo stesse
    stessero stessi stessimo steste stesti stette stettero stetti stia stiamo stiano stiate
    sto su sua suas such sue sugl sugli sui suis sul sull sulla sulle sullo suo suoi sur sus
    suya suyas suyo suyos t ta tambem tambien tanto te tem temos tendra tendran tendras
    tendre tendreis tendremos tendria tendriais tendriamos tendrian tendrias tened teneis
    tenemos tenga tengais tengamos tengan tengas tengo tenha tenham tenhamos tenho tenia
    teniais teniamos tenian tenias tenida tenidas tenido tenidos teniendo tera terao terei
    teremos teria teriam teriamos tes teu teus teve than that the their theirs them
    themselves then there these they this those through ti tiene tienen tienes tinha tinham
    tinhamos tive tivemos tiver tivera tiveram tiveramos tiverem tivermos tivesse tivessem
    tivessemos to todo todos toi ton too tra tu tua tuas tue tuo tuoi tus tutti tutto tuve
    tuviera tuvierais tuvieramos tuvieran tuvieras tuvieron tuviese tuvieseis tuviesemos
    tuviesen tuvieses tuvimos tuviste tuvisteis tuvo tuya tuyas tuyo tuyos uber um uma un
    una und under une uno unos uns unse unsem unsen unser unses unter until up very vi viel
    voce voces voi vom von vor vos vosostras vosostros vostra vostre vostri vostro votre
    vous vuestra vuestras vuestro vuestros wahrend war waren warst was we weg weil weiter
    welche welchem welchen welcher welches wenn werde werden were what when where which
    while who whom why wie wieder will wir wird wirst with wo wollen wollte wurde wurden y
    ya yo you your yours yourself yourselves zu zum zur zwar zwischen
    """.split()  # noqa: SIM905
)

OTHER_STOP_WORDS = frozenset(
    """
    i w z na do dla u o oraz jak co czy nie sie to od po przez ze jest
    much many please anything something
    """.split()  # noqa: SIM905
)

STOP_WORDS = POSTGRES_STOP_WORDS | OTHER_STOP_WORDS
