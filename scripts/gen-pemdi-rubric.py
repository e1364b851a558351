#!/usr/bin/env python3
"""Writes rubrics/pemdi-2026.xml from the tables below (PROVISIONAL Pemdi 2026 rubric).

The structure and weights come from a secondary summary of PermenPANRB 8/2026 (see README,
"Pemdi 2026 (provisional)"). Criteria follow one cumulative pattern per level, filled in with
each indicator's own objects, policies, practices and measures, so that each can be checked
against one document. Correct a number or a phrase here (or directly in the XML) and re-run:
    python3 scripts/gen-pemdi-rubric.py > rubrics/pemdi-2026.xml
"""
from xml.sax.saxutils import escape

ASPECTS = [
    ("PA1", "Tata Kelola dan Manajemen", "Governance and management"),
    ("PA2", "Penyelenggara", "Organisers"),
    ("PA3", "Data", "Data"),
    ("PA4", "Keamanan Pemdi", "Digital-government security"),
    ("PA5", "Teknologi Pemdi", "Digital-government technology"),
    ("PA6", "Keterpaduan Layanan Digital Pemerintah", "Integration of government digital services"),
    ("PA7", "Kepuasan Pengguna Layanan Digital Pemerintah", "User satisfaction with government digital services"),
]

# id, aspect, weight, title id, title en, then phrases:
# obj (what the indicator is about), pol (the governing policy document), prac (the practice
# carried out), meas (what is measured), nat (national policy/platform it joins), ext (an
# evaluation by another agency whose result is the evidence, or None).
I = []
def ind(id, aspect, weight, tid, ten, obj, pol, prac, meas, nat, ext=None):
    I.append(dict(id=id, aspect=aspect, weight=weight, tid=tid, ten=ten, obj=obj, pol=pol, prac=prac,
                  meas=meas, nat=nat, ext=ext))

ind("P01", "PA1", "5", "Tata Kelola Pemerintah Digital", "Digital-government governance",
    ("tata kelola Pemerintah Digital", "digital-government governance"),
    ("Perbup tentang Pemerintah Digital (arsitektur, peta rencana, dan tim koordinasi)", "Regent regulation on digital government (architecture, roadmap and coordination team)"),
    ("keterpaduan rencana dan anggaran Pemdi melalui tim koordinasi", "integrated digital-government planning and budgeting through the coordination team"),
    ("kesesuaian belanja TIK dengan Arsitektur dan Peta Rencana Pemdi", "alignment of ICT spending with the digital-government architecture and roadmap"),
    ("Arsitektur Pemdi Nasional", "the National Digital-Government Architecture"))
ind("P02", "PA1", "5", "Manajemen Layanan Digital Pemerintah", "Management of government digital services",
    ("manajemen layanan digital (risiko, pengetahuan, perubahan, dan layanan)", "digital-service management (risk, knowledge, change and service)"),
    ("kebijakan atau SOP manajemen layanan digital", "policy or SOPs on digital-service management"),
    ("pengelolaan risiko, perubahan, pengetahuan, dan permintaan layanan digital", "managing risks, changes, knowledge and digital-service requests"),
    ("tingkat layanan (SLA), risiko, dan permintaan perubahan", "service levels (SLA), risks and change requests"),
    ("standar manajemen layanan nasional", "national service-management standards"))
ind("P03", "PA2", "5", "Sumber Daya Manusia Pemerintah Digital", "Digital-government human resources",
    ("kompetensi SDM Pemdi", "digital-government staff competence"),
    ("rencana pengembangan kompetensi SDM Pemdi", "competence development plan for digital-government staff"),
    ("pelatihan dan sertifikasi kompetensi digital ASN", "digital-skills training and certification of civil servants"),
    ("jumlah ASN bersertifikat dan kesenjangan kompetensi", "number of certified staff and competence gaps"),
    ("standar kompetensi jabatan fungsional TIK nasional", "national competence standards for ICT functional positions"))
ind("P04", "PA2", "5", "Kolaborasi Pemerintah Digital", "Digital-government collaboration",
    ("kolaborasi Pemdi antarperangkat daerah dan dengan pihak lain", "digital-government collaboration among agencies and with other parties"),
    ("SK tim koordinasi Pemdi dan kerangka kerja sama (MoU/PKS)", "decree on the coordination team and cooperation framework (MoU/agreements)"),
    ("rapat koordinasi dan kerja sama Pemdi dengan instansi, perguruan tinggi, atau swasta", "coordination meetings and cooperation with agencies, universities or businesses"),
    ("jumlah dan hasil kerja sama yang berjalan", "number and results of active cooperation"),
    ("forum kolaborasi Pemdi nasional", "national digital-government collaboration forums"))
ind("P05", "PA3", "5", "Tata Kelola Data", "Data governance",
    ("tata kelola data (Satu Data)", "data governance (One Data)"),
    ("Perbup tentang Satu Data dan manajemen data", "Regent regulation on One Data and data management"),
    ("penetapan daftar data, walidata, produsen data, dan metadata", "setting data lists, data stewards, data producers and metadata"),
    ("kualitas data (kelengkapan, ketepatan waktu, metadata)", "data quality (completeness, timeliness, metadata)"),
    ("Satu Data Indonesia", "Satu Data Indonesia"),
    ("hasil evaluasi Satu Data Indonesia", "the Satu Data Indonesia evaluation result"))
ind("P06", "PA3", "3", "Penyelenggaraan Informasi Geospasial", "Geospatial information",
    ("penyelenggaraan informasi geospasial", "geospatial information management"),
    ("kebijakan simpul jaringan informasi geospasial daerah", "policy on the regional geospatial information network node"),
    ("pengumpulan, pengolahan, dan berbagi data geospasial tematik", "collecting, processing and sharing thematic geospatial data"),
    ("jumlah data geospasial yang dibagipakaikan", "number of geospatial datasets shared"),
    ("Kebijakan Satu Peta dan Jaringan Informasi Geospasial Nasional", "the One Map Policy and the National Geospatial Information Network"),
    ("hasil penilaian simpul jaringan oleh Badan Informasi Geospasial", "the network-node assessment by the Geospatial Information Agency"))
ind("P07", "PA3", "3", "Pembangunan Statistik", "Statistics development",
    ("pembangunan statistik sektoral", "sectoral statistics development"),
    ("kebijakan penyelenggaraan statistik sektoral", "policy on sectoral statistics"),
    ("kegiatan statistik sektoral yang direkomendasikan BPS", "sectoral statistical activities recommended by Statistics Indonesia"),
    ("jumlah kegiatan statistik dengan rekomendasi dan metadata", "number of statistical activities with recommendation and metadata"),
    ("Sistem Statistik Nasional", "the National Statistical System"),
    ("hasil Evaluasi Penyelenggaraan Statistik Sektoral (EPSS) oleh BPS", "the sectoral statistics evaluation (EPSS) by Statistics Indonesia"))
ind("P08", "PA3", "4", "Pelindungan Data Pribadi", "Personal data protection",
    ("pelindungan data pribadi", "personal data protection"),
    ("kebijakan pelindungan data pribadi (sesuai UU 27/2022)", "personal data protection policy (under Law 27/2022)"),
    ("inventarisasi pemrosesan data pribadi, penunjukan pejabat PDP, dan penilaian dampak", "recording personal-data processing, appointing a data protection officer and impact assessments"),
    ("permintaan subjek data dan insiden data pribadi yang ditangani", "data-subject requests and personal-data incidents handled"),
    ("ketentuan lembaga PDP nasional", "the national data protection authority's rules"),
    ("hasil penilaian kepatuhan PDP oleh lembaga yang berwenang", "the data-protection compliance assessment by the competent authority"))
ind("P09", "PA4", "4", "Pelaksanaan Audit Keamanan Pemdi dan Teknologi Pemdi", "Security and technology audits",
    ("audit keamanan dan audit teknologi (infrastruktur dan aplikasi) Pemdi", "security and technology (infrastructure and application) audits"),
    ("kebijakan audit TIK", "ICT audit policy"),
    ("audit keamanan, infrastruktur, dan aplikasi oleh auditor internal atau lembaga terakreditasi", "security, infrastructure and application audits by internal auditors or accredited bodies"),
    ("temuan audit dan penyelesaiannya", "audit findings and their resolution"),
    ("standar audit TIK nasional", "national ICT audit standards"),
    ("laporan audit dari lembaga audit terakreditasi atau BSSN", "audit reports from an accredited audit body or BSSN"))
ind("P10", "PA4", "4", "Keamanan Pemerintah Digital", "Digital-government security",
    ("manajemen keamanan informasi Pemdi", "digital-government information-security management"),
    ("kebijakan keamanan informasi", "information-security policy"),
    ("penerapan kendali keamanan informasi (klasifikasi aset, hak akses, cadangan data)", "applying security controls (asset classification, access rights, backups)"),
    ("indeks KAMI dan kepatuhan terhadap kendali keamanan", "the KAMI index and compliance with security controls"),
    ("standar keamanan SPBE/Pemdi BSSN", "BSSN's digital-government security standards"),
    ("hasil penilaian Indeks KAMI atau evaluasi keamanan oleh BSSN", "the KAMI index assessment or BSSN security evaluation"))
ind("P11", "PA4", "3", "Penerapan Kriptografi untuk Keamanan Data", "Cryptography for data security",
    ("penerapan kriptografi (sertifikat elektronik, enkripsi)", "use of cryptography (electronic certificates, encryption)"),
    ("kebijakan penggunaan sertifikat elektronik dan enkripsi data", "policy on electronic certificates and data encryption"),
    ("penggunaan tanda tangan elektronik tersertifikasi dan enkripsi data sensitif", "using certified electronic signatures and encrypting sensitive data"),
    ("jumlah aplikasi dan dokumen yang memakai sertifikat elektronik atau enkripsi", "number of applications and documents using certificates or encryption"),
    ("layanan Balai Sertifikasi Elektronik (BSrE) BSSN", "BSSN's electronic certification service (BSrE)"),
    ("hasil evaluasi penerapan kriptografi oleh BSSN", "BSSN's evaluation of cryptography use"))
ind("P12", "PA4", "4", "Kapabilitas Penanganan Insiden Siber", "Cyber incident handling capability",
    ("penanganan insiden siber", "cyber incident handling"),
    ("SK pembentukan tim tanggap insiden siber (CSIRT) daerah dan SOP penanganan insiden", "decree forming the regional cyber incident response team (CSIRT) and incident-handling SOPs"),
    ("pelaporan, penanganan, dan pemulihan insiden siber", "reporting, handling and recovering from cyber incidents"),
    ("waktu tanggap dan penyelesaian insiden", "incident response and resolution times"),
    ("jaringan CSIRT nasional yang dikoordinasikan BSSN", "the national CSIRT network coordinated by BSSN"),
    ("hasil pengukuran tingkat kematangan CSIRT oleh BSSN", "BSSN's CSIRT maturity measurement"))
ind("P13", "PA5", "5", "Aplikasi Pemerintah Digital", "Digital-government applications",
    ("pembangunan dan pengelolaan aplikasi Pemdi", "building and managing digital-government applications"),
    ("Perbup tentang pembangunan dan pengembangan aplikasi", "Regent regulation on building and developing applications"),
    ("pendaftaran aplikasi, pengutamaan aplikasi umum, dan pengujian sebelum operasi", "registering applications, preferring shared applications and testing before go-live"),
    ("jumlah aplikasi terdaftar, aplikasi umum, dan aplikasi duplikat", "registered, shared and duplicate applications"),
    ("katalog aplikasi dan aplikasi umum nasional", "the national application catalogue and shared applications"))
ind("P14", "PA5", "5", "Infrastruktur Pemerintah Digital", "Digital-government infrastructure",
    ("infrastruktur Pemdi (pusat data, jaringan intra, aset TIK)", "digital-government infrastructure (data centre, intranet, ICT assets)"),
    ("kebijakan pusat data, jaringan intra, dan manajemen aset TIK", "policy on the data centre, intranet and ICT asset management"),
    ("penempatan aplikasi di pusat data dan keterhubungan perangkat daerah melalui jaringan intra", "hosting applications in the data centre and connecting agencies through the intranet"),
    ("ketersediaan (uptime) layanan pusat data dan jaringan", "data-centre and network availability (uptime)"),
    ("Pusat Data Nasional dan Jaringan Intra Pemerintah", "the National Data Centre and the Government Intranet"))
ind("P15", "PA6", "4", "Keterpaduan Proses Bisnis Lintas Unit dan Instansi", "Cross-unit and cross-agency business-process integration",
    ("keterpaduan proses bisnis lintas unit dan instansi", "cross-unit and cross-agency business-process integration"),
    ("peta proses bisnis lintas perangkat daerah", "cross-agency business-process map"),
    ("penyederhanaan dan inovasi proses bisnis lintas perangkat daerah berbasis digital", "simplifying and innovating cross-agency business processes digitally"),
    ("waktu dan tahapan layanan lintas unit sebelum dan sesudah perbaikan", "cross-unit service time and steps before and after redesign"),
    ("proses bisnis Arsitektur Pemdi Nasional", "the business processes of the National Digital-Government Architecture"))
ind("P16", "PA6", "4", "Integrasi Aplikasi", "Application integration",
    ("integrasi aplikasi", "application integration"),
    ("kebijakan penggunaan sistem penghubung layanan (API)", "policy on the service bus (API)"),
    ("pertukaran data antaraplikasi melalui sistem penghubung layanan", "exchanging data between applications through the service bus"),
    ("jumlah layanan API dan transaksi antaraplikasi", "number of APIs and inter-application transactions"),
    ("Sistem Penghubung Layanan nasional", "the national service bus"))
ind("P17", "PA6", "4", "Portal Layanan Digital Pemerintah", "Government digital-service portal",
    ("portal layanan digital pemerintah daerah", "the regional government digital-service portal"),
    ("kebijakan portal layanan terpadu daerah", "policy on the regional integrated service portal"),
    ("penyediaan layanan administrasi dan publik melalui satu portal dengan akun tunggal", "offering administrative and public services through one portal with a single account"),
    ("jumlah layanan di portal dan pengguna aktif", "number of services on the portal and active users"),
    ("portal layanan digital nasional (INA Digital)", "the national digital-service portal (INA Digital)"))
ind("P18", "PA6", "3", "Interoperabilitas Data", "Data interoperability",
    ("interoperabilitas data", "data interoperability"),
    ("standar interoperabilitas data (data induk, data referensi, format pertukaran)", "data interoperability standards (master data, reference data, exchange formats)"),
    ("berbagi pakai data antarperangkat daerah sesuai standar interoperabilitas", "sharing data between agencies under the interoperability standards"),
    ("jumlah set data yang dibagipakaikan dan dipakai ulang", "number of datasets shared and reused"),
    ("Satu Data Indonesia dan portal data nasional", "Satu Data Indonesia and the national data portal"))
ind("P19", "PA7", "10", "Fasilitas Dukungan Pengguna", "User support facilities",
    ("fasilitas dukungan pengguna layanan digital", "user support for digital services"),
    ("SOP layanan bantuan (helpdesk) pengguna layanan digital", "SOP for the digital-service helpdesk"),
    ("layanan bantuan dan pengaduan pengguna melalui kanal daring (helpdesk, SP4N-LAPOR!)", "user help and complaints through online channels (helpdesk, SP4N-LAPOR!)"),
    ("jumlah permintaan bantuan dan waktu penyelesaiannya", "number of help requests and their resolution time"),
    ("SP4N-LAPOR! dan kanal dukungan layanan digital nasional", "SP4N-LAPOR! and the national digital-service support channels"))
ind("P20", "PA7", "15", "Pengelolaan Kepuasan Pengguna", "User satisfaction management",
    ("kepuasan pengguna layanan digital", "user satisfaction with digital services"),
    ("kebijakan survei kepuasan pengguna layanan digital", "policy on digital-service user satisfaction surveys"),
    ("survei kepuasan pengguna layanan digital dan pengolahan umpan balik", "surveying digital-service users and processing feedback"),
    ("indeks kepuasan pengguna per layanan digital", "user satisfaction index per digital service"),
    ("pemantauan kepuasan layanan publik nasional", "national public-service satisfaction monitoring"))

def cap(s): return s[0].upper() + s[1:]

def criteria(d):
    o, p, r, m, n, x = d["obj"], d["pol"], d["prac"], d["meas"], d["nat"], d["ext"]
    ext_id = f", atau tersedia {x[0]}" if x else ""
    ext_en = f", or {x[1]} is available" if x else ""
    return {
        1: ([(f"Tersedia rancangan {p[0]} yang masih berupa konsep dan belum ditetapkan.",
              f"A draft {p[1]} exists as a concept and has not been enacted."),
             (f"Terdapat inventarisasi atau kajian awal tentang {o[0]}, misalnya daftar, notulen rapat, atau laporan identifikasi kebutuhan.",
              f"There is an inventory or initial study of {o[1]}, for example a list, meeting minutes or a needs report.")],
            (f"Rancangan {p[0]}, notulen dan daftar hadir rapat pembahasan, hasil inventarisasi.",
             f"Draft {p[1]}, minutes and attendance of drafting meetings, inventory results.")),
        2: ([(f"{cap(p[0])} telah ditetapkan dan menunjuk perangkat daerah penanggung jawab.",
              f"The {p[1]} has been enacted and designates the responsible agency."),
             (f"{cap(r[0])} telah dilaksanakan oleh sebagian perangkat daerah, dibuktikan dengan laporan pelaksanaan.",
              f"{cap(r[1])} is carried out by some agencies, as implementation reports show.")],
            (f"Salinan {p[0]} yang ditetapkan; laporan pelaksanaan perangkat daerah.",
             f"Copy of the enacted {p[1]}; agencies' implementation reports.")),
        3: ([(f"{cap(p[0])} berlaku bagi seluruh perangkat daerah dan dilengkapi standar atau SOP yang ditetapkan.",
              f"The {p[1]} applies to all agencies and comes with enacted standards or SOPs."),
             (f"{cap(r[0])} dilaksanakan oleh seluruh perangkat daerah sesuai standar, dibuktikan dengan laporan tahunan.",
              f"{cap(r[1])} is carried out by all agencies to the standard, as an annual report shows.")],
            (f"Standar/SOP yang ditetapkan; laporan tahunan yang mencakup seluruh perangkat daerah.",
             f"Enacted standards/SOPs; annual report covering all agencies.")),
        4: ([(f"Pelaksanaan {o[0]} dipantau secara berkala dengan ukuran kinerja ({m[0]}), dibuktikan dengan laporan pemantauan.",
              f"{cap(o[1])} is monitored regularly with performance measures ({m[1]}), as monitoring reports show."),
             (f"{cap(o[0])} telah direviu atau dievaluasi dan hasilnya didokumentasikan dalam laporan evaluasi{ext_id}.",
              f"{cap(o[1])} has been reviewed or evaluated and the results documented in an evaluation report{ext_en}.")],
            (f"Laporan pemantauan berkala, laporan reviu/evaluasi{', ' + x[0] if x else ''}.",
             f"Regular monitoring reports, review/evaluation report{', ' + x[1] if x else ''}.")),
        5: ([(f"Rekomendasi hasil evaluasi {o[0]} telah ditindaklanjuti dengan perbaikan kebijakan, proses, atau sistem yang terdokumentasi.",
              f"The recommendations of the evaluation of {o[1]} have been acted on through documented improvements to policy, process or systems."),
             (f"{cap(o[0])} terintegrasi dengan {n[0]} dan dijadikan rujukan atau praktik baik oleh instansi lain.",
              f"{cap(o[1])} is integrated with {n[1]} and used as a reference or good practice by other agencies.")],
            (f"Matriks tindak lanjut rekomendasi, bukti integrasi dengan {n[0]}, surat atau publikasi praktik baik.",
             f"Follow-up matrix of recommendations, evidence of integration with {n[1]}, letters or publications on good practice.")),
    }

LEVELS = [("Merintis", "Initiate"), ("Membangun", "Emerging"), ("Berkembang", "Developing"),
          ("Melembaga", "Embedded"), ("Unggul", "Leading")]
PREDICATES = [("0", "Kurang", "Poor", 0), ("1.5", "Cukup", "Fair", 1), ("2.5", "Baik", "Good", 2),
              ("3.5", "Sangat Baik", "Very good", 3), ("4", "Memuaskan", "Excellent", 4)]

def t(tag, lang, text, indent):
    return f'{indent}<{tag} xml:lang="{lang}">{escape(text)}</{tag}>'

out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<!-- Generated by scripts/gen-pemdi-rubric.py. PROVISIONAL: structure, weights and predicate bands from a',
       '     secondary summary of PermenPANRB 8/2026, not the regulation\'s annex. Correct them here or in the script. -->',
       '<rubric xmlns="urn:spbe-assess:rubric:1" id="pemdi-2026" version="2026">',
       t("title", "id", "Evaluasi Pemerintah Digital 2026 (PermenPANRB 8/2026) — SEMENTARA", "  "),
       t("title", "en", "Digital-government (Pemdi) evaluation 2026 (PermenPANRB 8/2026) — PROVISIONAL", "  "),
       t("description", "id", "SEMENTARA: 20 indikator dalam 7 aspek (tanpa domain), bobot dan batas predikat Indeks Pemdi menurut ringkasan sekunder PermenPANRB 8/2026, belum dicocokkan dengan lampiran peraturan. Kriteria per level disusun dari uraian aspek. Koreksi angka cukup satu baris di berkas ini (atau di scripts/gen-pemdi-rubric.py).", "  "),
       t("description", "en", "PROVISIONAL: 20 indicators in 7 aspects (no domains), Indeks Pemdi weights and predicate bands after a secondary summary of PermenPANRB 8/2026, not yet checked against the regulation's annex. Level criteria are written from the aspect descriptions. A correction is a one-line change in this file (or in scripts/gen-pemdi-rubric.py).", "  "),
       '  <scale id="pemdi">',
       t("title", "id", "Tingkat kematangan Pemdi", "    "),
       t("title", "en", "Digital-government maturity level", "    ")]
for value, (lid, len_) in enumerate(LEVELS, 1):
    out.append(f'    <level value="{value}"><label xml:lang="id">{lid}</label><label xml:lang="en">{len_}</label></level>')
out.append('  </scale>')
for frm, lid, len_, m in PREDICATES:
    out.append(f'  <predicate from="{frm}"><label xml:lang="id">{lid}</label><label xml:lang="en">{len_}</label>'
               f'<description xml:lang="id">{LEVELS[m][0]}</description><description xml:lang="en">{LEVELS[m][1]}</description></predicate>')
for aid, atid, aten in ASPECTS:
    out.append(f'  <aspect id="{aid}">')
    out.append(t("title", "id", atid, "    "))
    out.append(t("title", "en", aten, "    "))
    for d in [d for d in I if d["aspect"] == aid]:
        out.append(f'    <indicator id="{d["id"]}" weight="{d["weight"]}" scale="pemdi">')
        out.append(t("title", "id", d["tid"], "      "))
        out.append(t("title", "en", d["ten"], "      "))
        if d["ext"]:
            out.append(t("description", "id", f"Jawaban dapat diambil dari evaluasi instansi lain: bukti dukungnya adalah {d['ext'][0]}.", "      "))
            out.append(t("description", "en", f"The answer may be taken from another agency's evaluation: its evidence is {d['ext'][1]}.", "      "))
        for value, (crits, guide) in criteria(d).items():
            out.append(f'      <level value="{value}">')
            for letter, (cid, cen) in zip("ab", crits):
                out.append(f'        <criterion id="{d["id"]}.L{value}.{letter}">')
                out.append(t("text", "id", cid, "          "))
                out.append(t("text", "en", cen, "          "))
                out.append('        </criterion>')
            out.append(t("guidance", "id", guide[0], "        "))
            out.append(t("guidance", "en", guide[1], "        "))
            out.append('      </level>')
        out.append('    </indicator>')
    out.append('  </aspect>')
out.append('</rubric>')
print("\n".join(out))
